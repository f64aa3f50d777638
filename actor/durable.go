package actor

import (
	"errors"
	"fmt"
	"slices"

	"rumor/messages"
)

// Values enter a node only once they are in its log, as entries enter a
// raft node only once they are stable. A broadcast or a gossip that brings
// values the node does not hold is not applied when it arrives: Step keeps
// it in waiting and returns only Persist, the new values. The shell appends
// them with one write and steps Persisted; then the message is applied as
// if it had just arrived (stored, routed, answered, acknowledged), and the
// shell sends the messages of both steps. A value the node already holds
// needs no write, so a message that brings nothing new is applied at once,
// and the log grows with the values, never with resends or restarts.
//
// When the write fails (a full disk, a log that could not be opened), the
// message is answered as if it had never arrived: a broadcast is refused
// with error 11 (temporarily-unavailable, which Maelstrom counts as
// definite: the client knows nothing was accepted) and a gossip is dropped
// unacknowledged, so its sender resends it. Reads keep working.

// errNotReported is the failure of a write whose outcome the shell never
// reported.
var errNotReported = errors.New("the write was never reported")

// persistFirst holds m back if it brings values the node does not hold,
// asking for them to be written, and reports whether it did.
func (n *Node) persistFirst(m messages.Message, vs []messages.Value, out *Output) bool {
	fresh := n.unheld(vs)
	if len(fresh) == 0 {
		return false
	}
	n.wait(m)
	out.Persist = fresh
	return true
}

// wait holds m back until its write is reported.
func (n *Node) wait(m messages.Message) {
	n.waitSlot = m
	n.waiting = &n.waitSlot
}

// unwait returns the message held back and lets it go.
func (n *Node) unwait() messages.Message {
	m := n.waitSlot
	n.waiting, n.waitSlot = nil, messages.Message{} // a large gossip is not kept alive
	return m
}

// unheld returns the values of vs the node does not hold, each once. A
// batch brings a dozen fresh values or so, and scanning those few is
// cheaper than a map made for every message (a map per gossip showed as
// about 4 % of the node's CPU in a 3d profile); past uniqueScan fresh values
// a map takes over, so a huge batch stays linear.
func (n *Node) unheld(vs []messages.Value) []messages.Value {
	const uniqueScan = 16
	var fresh []messages.Value
	var seen map[messages.Value]bool // nil until fresh outgrows the scan
	for _, v := range vs {
		if n.store.has(v) {
			continue
		}
		if seen == nil && len(fresh) < uniqueScan {
			if slices.Contains(fresh, v) {
				continue
			}
		} else {
			if seen == nil {
				seen = make(map[messages.Value]bool, len(vs))
				for _, f := range fresh {
					seen[f] = true
				}
			}
			if seen[v] {
				continue
			}
			seen[v] = true
		}
		fresh = append(fresh, v)
	}
	return fresh
}

// written applies the held message now that its write is reported.
func (n *Node) written(err error, out *Output) {
	m := n.unwait()
	if err == nil {
		n.receive(m, true, out)
		return
	}
	switch b := m.Body.(type) {
	case messages.Broadcast:
		text := fmt.Sprintf("cannot store the value: %v", err)
		out.note(fmt.Sprintf("broadcast from %s refused: %s", m.Src, text))
		n.reply(m, b.Request, messages.Error{Code: messages.CodeTemporarilyUnavailable, Text: text}, out)
	default:
		out.note(fmt.Sprintf("dropping %s from %s: cannot store its values (%v); the sender keeps them until they are acknowledged", m.Body.Type(), m.Src, err))
	}
}

// checkWrite holds the shell to the write contract: while a write is
// outstanding, the only events are its report (Persisted for a message,
// Recovered for init) and Resumed, and a report comes only for a write
// asked for. It reports whether ev is to be applied. A shell that breaks
// the contract gets a problem; an outstanding write is then counted as
// failed, since nothing may depend on a write never reported.
func (n *Node) checkWrite(ev Event, out *Output) bool {
	_, persisted := ev.(Persisted)
	_, recovered := ev.(Recovered)
	if n.waiting == nil {
		if persisted || recovered {
			out.problem(fmt.Sprintf("ignoring %T: no write is outstanding", ev))
			return false
		}
		return true
	}
	_, awaitingLog := n.waiting.Body.(messages.Init)
	if _, resumed := ev.(Resumed); resumed || persisted && !awaitingLog || recovered && awaitingLog {
		return true
	}
	out.problem(fmt.Sprintf("%T stepped while a write was still to be reported; counting the write as failed", ev))
	if awaitingLog {
		n.recovered(Recovered{Err: errNotReported}, out)
	} else {
		n.written(errNotReported, out)
	}
	return !persisted && !recovered // a report of the wrong kind reports nothing more
}
