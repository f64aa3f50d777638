package walkthrough

import (
	"fmt"
	"io"
	"time"

	"rumor/actor"
	"rumor/messages"
)

// PanicInStep makes rumor's Node.Step panic on its Loop's goroutine.
// Nothing recovers the panic, so the runtime prints it with the
// goroutine's stack and ends the whole process with exit code 2: the
// function never returns. The event is one rumor's shell never builds, a
// Rejected without its error; Step reads the error's text and dereferences
// nil. A read follows it, and would be answered only by a loop that carried
// on after the panic; then PanicInStep says so and returns.
func PanicInStep(w io.Writer) {
	answered := make(chan struct{})
	node, _ := actor.NewNode(actor.DefaultConfig())
	loop := actor.Start(node, 10*time.Millisecond, nil, func(_ actor.Event, out actor.Output) {
		for _, m := range out.Messages {
			if _, ok := m.Body.(messages.ReadOK); ok {
				close(answered)
			}
		}
	})
	loop.Push(actor.Received{Msg: client(messages.Init{Request: req(1), NodeID: "n0", NodeIDs: []string{"n0"}})})
	fmt.Fprintln(w, "pushing a Rejected with no error in it")
	loop.Push(actor.Rejected{})
	loop.Push(actor.Received{Msg: client(messages.Read{Request: req(2)})})
	<-answered // the panic ends the process first, unless something recovered it
	fmt.Fprintln(w, "the node answered a read after its step panicked")
	loop.Stop()
}
