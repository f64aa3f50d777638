package sim

import "rumor/messages"

// envelope is a message in flight and the tick it becomes deliverable.
type envelope struct {
	msg messages.Message
	due int64
}

// network holds the messages in flight. Order within it carries no meaning:
// the simulator shuffles whatever is due before delivering it.
type network struct {
	inflight []envelope
}

func (n *network) put(e envelope) { n.inflight = append(n.inflight, e) }

func (n *network) empty() bool { return len(n.inflight) == 0 }

// takeDue removes and returns every message due by now, in the order they
// were put in (the caller shuffles them).
func (n *network) takeDue(now int64) []envelope {
	var due []envelope
	kept := n.inflight[:0]
	for _, e := range n.inflight {
		if e.due <= now {
			due = append(due, e)
		} else {
			kept = append(kept, e)
		}
	}
	clear(n.inflight[len(kept):]) // let delivered messages' values be collected
	n.inflight = kept
	return due
}
