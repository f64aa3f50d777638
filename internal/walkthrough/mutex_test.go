package walkthrough

import (
	"bytes"
	"fmt"
	"io"
	"sync"
	"testing"

	"rumor/messages"
)

// mutexServer is section 1's usual solution, made runnable: every line is
// handled on a goroutine of its own (as the Maelstrom library does), so the
// values need a lock, and so does the output. It lives in a test file: the
// node's rule allows sync.Mutex nowhere else.
type mutexServer struct {
	mu     sync.Mutex
	seen   map[messages.Value]bool
	values []messages.Value

	outMu sync.Mutex // stdout is shared by every handler too
	out   io.Writer
}

func newMutexServer(out io.Writer) *mutexServer {
	return &mutexServer{seen: map[messages.Value]bool{}, out: out}
}

// handle is one handler call: decode, change or read the state, reply.
func (s *mutexServer) handle(line []byte) {
	m, err := messages.Decode(line)
	if err != nil {
		return
	}
	var body messages.Body
	switch b := m.Body.(type) {
	case messages.Broadcast:
		s.mu.Lock()
		if !s.seen[b.Message] {
			s.seen[b.Message] = true
			s.values = append(s.values, b.Message)
		}
		s.mu.Unlock()
		body = messages.BroadcastOK{}.InReplyToID(b.MsgID)
	case messages.Read:
		s.mu.Lock()
		values := append([]messages.Value(nil), s.values...)
		s.mu.Unlock()
		body = messages.ReadOK{Messages: values}.InReplyToID(b.MsgID)
	default:
		return
	}
	reply := messages.Encode(messages.Message{Src: m.Dest, Dest: m.Src, Body: body})
	s.outMu.Lock()
	s.out.Write(reply)
	s.outMu.Unlock()
}

// serve handles every line on a goroutine of its own and waits for them.
func (s *mutexServer) serve(lines [][]byte) {
	var wg sync.WaitGroup
	for _, l := range lines {
		wg.Go(func() { s.handle(l) })
	}
	wg.Wait()
}

// workload is n broadcasts of distinct values, each followed by a read.
func workload(n int) [][]byte {
	var lines [][]byte
	for i := range n {
		lines = append(lines,
			fmt.Appendf(nil, `{"src":"c1","dest":"n0","body":{"type":"broadcast","msg_id":%d,"message":%d}}`, 2*i+1, i),
			fmt.Appendf(nil, `{"src":"c1","dest":"n0","body":{"type":"read","msg_id":%d}}`, 2*i+2))
	}
	return lines
}

// TestMutexServer runs section 1's server on 200 lines at once: every
// request is answered and every value kept. Run it with -race: it is clean,
// as long as every access holds the lock (exercise 1 removes one).
func TestMutexServer(t *testing.T) {
	var out bytes.Buffer
	s := newMutexServer(&out)
	s.serve(workload(100))
	if got := bytes.Count(out.Bytes(), []byte("\n")); got != 200 {
		t.Errorf("%d replies, want 200", got)
	}
	if len(s.values) != 100 {
		t.Errorf("%d values kept, want 100", len(s.values))
	}
}

// TestServer runs the same lines through the actor twin, from as many
// goroutines: the same replies, the same values, and no lock.
func TestServer(t *testing.T) {
	var out bytes.Buffer
	s := StartServer(&out)
	lines := workload(100)
	done := make(chan struct{})
	for _, l := range lines {
		go func() {
			s.Handle(l)
			done <- struct{}{}
		}()
	}
	for range lines {
		<-done
	}
	values := s.Values()
	s.Stop() // after Stop, the owner's writes happen before this goroutine reads out
	if got := bytes.Count(out.Bytes(), []byte("\n")); got != 200 {
		t.Errorf("%d replies, want 200", got)
	}
	if len(values) != 100 {
		t.Errorf("%d values kept, want 100", len(values))
	}
}

// benchLines is what each benchmark goroutine sends, over and over: the
// values repeat, so the set stays small and the work per line stays the same.
var benchLines = workload(512)

// BenchmarkMutexServer handles lines on every core at once, the way the
// library's goroutine per message would, contending for both locks.
func BenchmarkMutexServer(b *testing.B) {
	s := newMutexServer(io.Discard)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for i := 0; pb.Next(); i++ {
			s.handle(benchLines[i%len(benchLines)])
		}
	})
}

// BenchmarkServer hands the same lines to the actor twin from every core:
// decoding runs in parallel, the state changes one at a time on the owner.
func BenchmarkServer(b *testing.B) {
	s := StartServer(io.Discard)
	defer s.Stop()
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for i := 0; pb.Next(); i++ {
			s.Handle(benchLines[i%len(benchLines)])
		}
	})
}
