package shell

import (
	"errors"
	"io"

	"rumor/actor"
	"rumor/internal/lines"
	"rumor/messages"
)

// maxLine bounds one input line: what this node accepts from a peer, and
// what every message a peer sends it stays well under (see messages.MaxLineBytes).
const maxLine = messages.MaxLineBytes

// readLines decodes stdin line by line and pushes each result into the loop.
// It only decodes and pushes: answering, even bad input, is the node's job.
func readLines(stdin io.Reader, loop *actor.Loop) {
	in := lines.NewReader(stdin, maxLine)
	var memory relief
	defer memory.stop()
	for {
		line, err := in.Next()
		var ev actor.Event
		var tooLong lines.ErrTooLong
		switch {
		case errors.As(err, &tooLong):
			ev = actor.Rejected{Err: &messages.DecodeError{Reason: err.Error()}}
		case err != nil:
			return // end of input, or stdin closed under us
		default:
			if msg, err := messages.Decode(line); err != nil {
				var de *messages.DecodeError
				errors.As(err, &de)
				ev = actor.Rejected{Err: de}
			} else {
				ev = actor.Received{Msg: msg}
			}
		}
		if len(line) > bigLine {
			in.Release() // decoded: the Message shares nothing with the line
			memory.after()
		}
		if !loop.Push(ev) {
			return
		}
	}
}
