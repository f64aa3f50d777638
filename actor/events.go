package actor

import "rumor/messages"

// Event is an input to Node.Step.
type Event interface{ isEvent() }

// Received is a message that decoded cleanly.
type Received struct{ Msg messages.Message }

// Rejected is a line that did not decode. The node answers it with an error
// reply when it can and reports it either way.
type Rejected struct{ Err *messages.DecodeError }

// Tick says that time has passed: N beats of the shell's ticker since the
// last Tick, the node's only sense of time. Zero counts as one, so Tick{}
// is a single beat. A shell that slept through many beats (the node asked
// for none, or the process was stopped) delivers them as one Tick, and the
// node acts once on each timer that fell due meanwhile, not once per beat.
type Tick struct{ N int64 }

// Persisted answers an Output whose Persist was not empty: the values are
// in the log (Err nil), or they could not be written. The shell must step
// it right after that Output, before any other event.
type Persisted struct{ Err error }

// Recovered answers an Output whose OpenLog was set: the values the log
// held (none for a fresh start), one line for each problem met while
// reading it, and Err when the log could not be opened at all. The shell
// must step it right after that Output, before any other event.
type Recovered struct {
	Values   []messages.Value
	Problems []string
	Err      error
}

// Resumed tells the node that its process was stopped for a while (a
// pause) and has just resumed: requests it reads next may be from clients
// that have given up on them. See fence.go.
type Resumed struct{}

func (Received) isEvent()  {}
func (Rejected) isEvent()  {}
func (Tick) isEvent()      {}
func (Persisted) isEvent() {}
func (Recovered) isEvent() {}
func (Resumed) isEvent()   {}

// Output is what one Step produced.
//
// Durability works as raft's Ready does: values enter the node only once
// they are in the log. When a message brings values the node does not
// hold, Step holds the message back and returns only Persist; the shell
// appends those values to its log with one write and steps Persisted,
// whose Output carries what the message caused. Likewise init returns only
// OpenLog, and the shell answers with Recovered. Either way the shell sends
// every message of both steps only after the write, so nothing a reply or
// an acknowledgement promises can be lost with the process.
type Output struct {
	// Messages are to be written to stdout, in order.
	Messages []messages.Message
	// Problems are one-line reports of bad input, for stderr.
	Problems []string
	// Notes are one-line reports of what the node met that was not bad
	// input (a log it could not write, a pause), for stderr.
	Notes []string
	// Persist lists values to append to the log, in one write, before
	// anything else; the shell then steps Persisted.
	Persist []messages.Value
	// OpenLog asks the shell to open the node's log; it then steps
	// Recovered.
	OpenLog *OpenLog
	// NextTick says when the node next needs a Tick: the k-th Tick from now
	// is the first that can send anything or change a timer's outcome. Zero
	// means no Tick can, until another event arrives. A shell may therefore
	// sleep through the ticks before it, as long as it still delivers them
	// (their count is the node's clock) before the next event or that tick.
	NextTick int64
}

// OpenLog says which log to open, and how.
type OpenLog struct {
	// Node is the node's id, which names its log.
	Node string
	// Fresh is set when this init starts a new test (see freshStart): the
	// log must be emptied, and any log left by an earlier test discarded.
	// Otherwise the node was restarted within its test, and the log is to
	// be read back.
	Fresh bool
}

func (o *Output) send(m messages.Message) { o.Messages = append(o.Messages, m) }

func (o *Output) problem(s string) { o.Problems = append(o.Problems, s) }

func (o *Output) note(s string) { o.Notes = append(o.Notes, s) }
