package sim

import (
	"slices"

	"rumor/messages"
)

// envelope is a message in flight, the tick it becomes deliverable, and
// which process of its destination it was sent to (see process.go).
type envelope struct {
	msg   messages.Message
	due   int64
	epoch int
}

// network holds the messages in flight. Order within it carries no meaning:
// the simulator shuffles whatever is due before delivering it.
type network struct {
	inflight []envelope
}

func (n *network) put(e envelope) { n.inflight = append(n.inflight, e) }

func (n *network) empty() bool { return len(n.inflight) == 0 }

// takeDue removes and returns every message due by now whose destination
// is ready to take it, in the order they were put in (the caller shuffles
// them).
func (n *network) takeDue(now int64, ready func(dest string) bool) []envelope {
	var due []envelope
	kept := n.inflight[:0]
	for _, e := range n.inflight {
		if e.due <= now && ready(e.msg.Dest) {
			due = append(due, e)
		} else {
			kept = append(kept, e)
		}
	}
	clear(n.inflight[len(kept):]) // let delivered messages' values be collected
	n.inflight = kept
	return due
}

// takeFor removes and returns every message to dest due by now, in order of
// due time (ties in the order they were put in): a resumed node's backlog,
// as Maelstrom's per-node queue delivers it.
func (n *network) takeFor(dest string, now int64) []envelope {
	due := n.takeDue(now, func(d string) bool { return d == dest })
	slices.SortStableFunc(due, func(a, b envelope) int { return int(a.due - b.due) })
	return due
}
