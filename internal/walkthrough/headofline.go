package walkthrough

import (
	"fmt"
	"io"
	"strings"
	"time"

	"rumor/actor"
	"rumor/messages"
)

// HeadOfLine shows head-of-line blocking in rumor's own Loop. Its handler
// (rumor's is the stdout writer) is stuck on the first output, as a write
// to a stdout nobody reads would be. The next Push does not return: the
// one goroutine that owns the node is inside the handler, so every event
// behind it waits, whatever it is. That is the price of one owner, and the
// same wait is back-pressure: the pusher (rumor's reader) stops taking
// input until the owner can.
func HeadOfLine(w io.Writer) {
	release := make(chan struct{})
	var written []string // the handler's, read only after Stop
	node, _ := actor.NewNode(actor.DefaultConfig())
	loop := actor.Start(node, 10*time.Millisecond, nil, func(_ actor.Event, out actor.Output) {
		for _, m := range out.Messages {
			if len(written) == 0 {
				<-release // the first write blocks until a reader turns up
			}
			written = append(written, m.Body.Type())
		}
	})

	loop.Push(actor.Received{Msg: client(messages.Init{Request: req(1), NodeID: "n0", NodeIDs: []string{"n0"}})})
	fmt.Fprintln(w, "init taken; the handler is writing init_ok, and stdout takes nothing")

	pushed := make(chan bool)
	go func() { pushed <- loop.Push(actor.Received{Msg: client(messages.Read{Request: req(2)})}) }()
	select {
	case <-pushed:
		fmt.Fprintln(w, "read taken at once (not what happens)")
	case <-time.After(200 * time.Millisecond):
		fmt.Fprintln(w, "read: Push still waiting after 200ms; the loop is inside the handler")
	}

	close(release)
	fmt.Fprintln(w, "stdout drained: read taken", <-pushed)
	loop.Stop()
	fmt.Fprintln(w, "written in order:", strings.Join(written, ", "))
}

// client wraps a request body as a message from client c1 to n0.
func client(body messages.Body) messages.Message {
	return messages.Message{Src: "c1", Dest: "n0", Body: body}
}

func req(id int64) messages.Request { return messages.Request{MsgID: id, HasMsgID: true} }
