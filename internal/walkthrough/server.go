package walkthrough

import (
	"io"

	"rumor/messages"
)

// Server accepts broadcasts and answers reads, like the mutex server of
// mutex_test.go, with no lock: one goroutine (run) owns the values and the
// output, and the others only decode lines and push typed events to it.
type Server struct {
	events  chan event
	stop    chan struct{}
	stopped chan struct{}
}

// event is what the owner goroutine accepts. The method is unexported, so
// no other package can add a kind the owner's switch does not know.
type event interface{ isEvent() }

// request is a decoded line from a client.
type request struct{ msg messages.Message }

// snapshot asks the owner for a copy of its values, to be sent on reply.
// The reply channel is buffered by whoever asks, so the owner never waits
// for an asker that has gone.
type snapshot struct{ reply chan<- []messages.Value }

func (request) isEvent()  {}
func (snapshot) isEvent() {}

// state is what the owner goroutine owns. Nothing else ever sees it.
type state struct {
	seen   map[messages.Value]bool
	values []messages.Value
	out    io.Writer
	buf    []byte
}

// StartServer starts the owner goroutine, which writes replies to out.
// The caller must call Stop.
func StartServer(out io.Writer) *Server {
	s := &Server{events: make(chan event), stop: make(chan struct{}), stopped: make(chan struct{})}
	go s.run(&state{seen: map[messages.Value]bool{}, out: out})
	return s
}

func (s *Server) run(st *state) {
	defer close(s.stopped)
	for {
		select {
		case ev := <-s.events:
			st.step(ev)
		case <-s.stop:
			return
		}
	}
}

// step applies one event: the only code that touches the state.
func (st *state) step(ev event) {
	switch e := ev.(type) {
	case request:
		st.handle(e.msg)
	case snapshot:
		e.reply <- append([]messages.Value(nil), st.values...) // a copy: sharing the slice would share the state
	}
}

func (st *state) handle(m messages.Message) {
	var body messages.Body
	switch b := m.Body.(type) {
	case messages.Broadcast:
		if !st.seen[b.Message] {
			st.seen[b.Message] = true
			st.values = append(st.values, b.Message)
		}
		body = messages.BroadcastOK{}.InReplyToID(b.MsgID)
	case messages.Read:
		body = messages.ReadOK{Messages: st.values}.InReplyToID(b.MsgID)
	default:
		return
	}
	st.buf = messages.AppendLine(st.buf[:0], messages.Message{Src: m.Dest, Dest: m.Src, Body: body})
	st.out.Write(st.buf)
}

// Handle decodes one line on the caller's goroutine and hands it to the
// owner. It returns once the owner has taken it, so a slow owner slows its
// callers down (back-pressure), and false once the server has stopped.
func (s *Server) Handle(line []byte) bool {
	m, err := messages.Decode(line)
	if err != nil {
		return true // the mutex server ignores bad lines too
	}
	return s.push(request{m})
}

func (s *Server) push(ev event) bool {
	select {
	case s.events <- ev:
		return true
	case <-s.stopped:
		return false
	}
}

// Values asks the owner for its values: a request that carries its own
// reply channel. It returns nil once the server has stopped.
func (s *Server) Values() []messages.Value {
	reply := make(chan []messages.Value, 1)
	if !s.push(snapshot{reply}) {
		return nil
	}
	return <-reply
}

// Stop ends the owner goroutine and waits for it. It is safe to call more
// than once.
func (s *Server) Stop() {
	select {
	case s.stop <- struct{}{}:
	case <-s.stopped:
	}
	<-s.stopped
}
