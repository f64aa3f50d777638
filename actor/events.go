package actor

import "rumor/messages"

// Event is an input to Node.Step.
type Event interface{ isEvent() }

// Received is a message that decoded cleanly.
type Received struct{ Msg messages.Message }

// Rejected is a line that did not decode. The node answers it with an error
// reply when it can and reports it either way.
type Rejected struct{ Err *messages.DecodeError }

// Tick is one beat of the shell's ticker: the node's only sense of time.
type Tick struct{}

func (Received) isEvent() {}
func (Rejected) isEvent() {}
func (Tick) isEvent()     {}

// Output is what one Step produced.
type Output struct {
	// Messages are to be written to stdout, in order.
	Messages []messages.Message
	// Problems are one-line reports of bad input, for stderr.
	Problems []string
	// NextTick says when the node next needs a Tick: the k-th Tick from now
	// is the first that can send anything or change a timer's outcome. Zero
	// means no Tick can, until another event arrives. A shell may therefore
	// sleep through the ticks before it, as long as it still delivers them
	// (their count is the node's clock) before the next event or that tick.
	NextTick int64
}

func (o *Output) send(m messages.Message) { o.Messages = append(o.Messages, m) }

func (o *Output) problem(s string) { o.Problems = append(o.Problems, s) }
