package actor

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"rumor/messages"
)

// memLog is a Storage in memory. Each append waits on gate when it is set,
// as a write stuck in a stopped process would.
type memLog struct {
	values []messages.Value
	fail   error
	gate   chan struct{}
	opens  []string
}

func (m *memLog) Open(node string, fresh bool) ([]messages.Value, []string, error) {
	m.opens = append(m.opens, fmt.Sprintf("%s fresh=%v", node, fresh))
	return nil, nil, nil
}

func (m *memLog) Append(vs []messages.Value) error {
	if m.gate != nil {
		<-m.gate
	}
	if m.fail != nil {
		return m.fail
	}
	m.values = append(m.values, vs...)
	return nil
}

// journal is a Handler that records, for every step, its event and what
// the log held when the handler saw it.
type journal struct {
	log   *memLog
	steps chan string
}

// startJournaled starts a loop for a new node of cfg, with a log in memory
// and a journal of its steps (wrapped by wrap, if not nil).
func startJournaled(t *testing.T, cfg Config, wrap func(Handler) Handler) (*Loop, *memLog, journal) {
	log := &memLog{}
	j := journal{log: log, steps: make(chan string, 100)}
	handle := Handler(j.handle)
	if wrap != nil {
		handle = wrap(handle)
	}
	return Start(mustNode(t, cfg), 10*time.Millisecond, log, handle), log, j
}

func (j journal) handle(ev Event, out Output) {
	line := fmt.Sprintf("%T logged=%d", ev, len(j.log.values))
	for _, m := range out.Messages {
		line += " " + lines([]messages.Message{m})[0]
	}
	j.steps <- line
}

func (j journal) drain() []string {
	var got []string
	for {
		select {
		case s := <-j.steps:
			got = append(got, s)
		default:
			return got
		}
	}
}

func wantSteps(t *testing.T, got []string, want ...string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("steps:\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// TestLoopWritesBeforeItSends: the Loop opens the log at init and appends a
// new value before the handler sees anything the value causes.
func TestLoopWritesBeforeItSends(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		loop, log, j := startJournaled(t, testConfig(Mesh), nil)
		defer loop.Stop()
		loop.Push(Received{Msg: initMsg("n0", 2)})
		loop.Push(broadcast("n0", 2, 42))
		synctest.Wait()
		wantSteps(t, j.drain(),
			`actor.Received logged=0`,
			`actor.Recovered logged=0 {"src":"n0","dest":"c0","body":{"type":"init_ok","in_reply_to":1}}`,
			`actor.Received logged=1`,
			`actor.Persisted logged=1 {"src":"n0","dest":"c9","body":{"type":"broadcast_ok","in_reply_to":2}} {"src":"n0","dest":"n1","body":{"type":"gossip","seq":1,"values":[42],"ack":0}}`)
		if len(log.opens) != 1 || log.opens[0] != "n0 fresh=true" {
			t.Errorf("opens %v", log.opens)
		}
	})
}

// TestLoopRefusesWhenTheLogFails: a failed append refuses the broadcast.
func TestLoopRefusesWhenTheLogFails(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		loop, log, j := startJournaled(t, testConfig(Mesh), nil)
		defer loop.Stop()
		log.fail = errors.New("disk full")
		loop.Push(Received{Msg: initMsg("n0", 2)})
		loop.Push(broadcast("n0", 2, 42))
		synctest.Wait()
		got := j.drain()
		if want := `actor.Persisted logged=0 {"src":"n0","dest":"c9","body":{"type":"error","in_reply_to":2,"code":11,"text":"cannot store the value: disk full"}}`; got[len(got)-1] != want {
			t.Errorf("last step %s, want %s", got[len(got)-1], want)
		}
	})
}

// TestLoopNoticesAPause stalls the loop's goroutine for three seconds, as a
// stopped process would be, and checks that before the next event the
// node gets the ticks it missed, as one Tick, and then Resumed.
func TestLoopNoticesAPause(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		gate := make(chan struct{})
		loop, _, j := startJournaled(t, testConfig(Mesh), func(handle Handler) Handler {
			return func(ev Event, out Output) {
				if r, ok := ev.(Received); ok && r.Msg.Body.Type() == messages.TypeRead {
					<-gate // stopped here
				}
				handle(ev, out)
			}
		})
		defer loop.Stop()
		loop.Push(Received{Msg: initMsg("n0", 2)})
		synctest.Wait()
		j.drain()
		loop.Push(read("n0", 2))
		advance(3 * time.Second)
		close(gate)
		synctest.Wait()
		loop.Push(read("n0", 3)) // behind the fence: not answered
		synctest.Wait()
		wantSteps(t, j.drain(),
			`actor.Received logged=0 {"src":"n0","dest":"c9","body":{"type":"read_ok","messages":[],"in_reply_to":2}}`,
			`actor.Tick logged=0`,
			`actor.Resumed logged=0 {"src":"n0","dest":"n0","body":{"type":"fence","seq":1}}`,
			`actor.Received logged=0`)
	})
}

// TestLoopNoticesAPauseDuringAWrite: stopped in the middle of an append,
// the node learns of the pause before the write is reported, so the
// broadcast_ok that the write allows is held behind the fence. (The ticks
// the pause swallowed come after the report, since nothing but the report
// may be stepped while a write is outstanding: they bring a second copy of
// the fence, sent before them; the gossip's first resend waits out the
// grace of a late wake, wake.go.)
func TestLoopNoticesAPauseDuringAWrite(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		loop, log, j := startJournaled(t, testConfig(Star), nil)
		defer loop.Stop()
		loop.Push(Received{Msg: initMsg("n1", 2)})
		synctest.Wait()
		j.drain()
		log.gate = make(chan struct{})
		loop.Push(broadcast("n1", 2, 42))
		advance(3 * time.Second)
		close(log.gate)
		synctest.Wait()
		wantSteps(t, j.drain(),
			`actor.Received logged=1`,
			`actor.Resumed logged=1 {"src":"n1","dest":"n1","body":{"type":"fence","seq":1}}`,
			`actor.Persisted logged=1 {"src":"n1","dest":"n0","body":{"type":"gossip","seq":1,"values":[42],"ack":0,"now":true,"path":["n0"]}}`,
			`actor.Tick logged=1 {"src":"n1","dest":"n1","body":{"type":"fence","seq":1}}`)
	})
}

func mustNode(t *testing.T, cfg Config) *Node {
	t.Helper()
	n, err := NewNode(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
