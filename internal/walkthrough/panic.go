package walkthrough

import (
	"fmt"
	"io"
	"time"

	"rumor/actor"
	"rumor/messages"
)

// PanicInStep makes rumor's Node.Step panic on its Loop's goroutine and
// never returns: nothing recovers the panic, so the runtime prints it with
// the goroutine's stack and ends the whole process with exit code 2. The
// event is one rumor's shell never builds, a Rejected without its error;
// Step reads the error's text and dereferences nil.
func PanicInStep(w io.Writer) {
	node, _ := actor.NewNode(actor.DefaultConfig())
	loop := actor.Start(node, 10*time.Millisecond, nil, func(actor.Event, actor.Output) {})
	loop.Push(actor.Received{Msg: client(messages.Init{Request: req(1), NodeID: "n0", NodeIDs: []string{"n0"}})})
	fmt.Fprintln(w, "pushing a Rejected with no error in it")
	loop.Push(actor.Rejected{})
	select {} // the panic ends the process; nothing here runs again
}
