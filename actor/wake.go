package actor

import (
	"math"
	"slices"
	"strings"

	"rumor/messages"
)

// none is the wake tick of something that needs no tick at all.
const none = math.MaxInt64

// queue adds values to a link and marks it active.
func (n *Node) queue(l *link, vs ...messages.Value) {
	l.enqueue(n.now, vs...)
	n.routed += uint64(len(vs))
	n.activate(l)
}

// activate puts l on the list of links flush and nextTick look at. Only
// those links can have anything due, so an idle node's tick costs the same
// with ten peers or ten thousand; flush drops a link again once it owes
// nothing either way.
func (n *Node) activate(l *link) {
	if !l.listed {
		l.listed = true
		n.active = append(n.active, l)
		n.unsorted = true
	}
}

// activeLinks returns the active links in peer order, so output that
// follows it is deterministic.
func (n *Node) activeLinks() []*link {
	if n.unsorted {
		slices.SortFunc(n.active, func(a, b *link) int { return strings.Compare(a.peer, b.peer) })
		n.unsorted = false
	}
	return n.active
}

// prune drops the links that have nothing pending from the active list.
func (n *Node) prune() {
	n.active = slices.DeleteFunc(n.active, func(l *link) bool {
		if l.idle() {
			l.listed = false
			return true
		}
		return false
	})
}

// nextTick returns how many ticks from now the next one that matters is, or
// zero when none does: the earliest moment at which due could pick a
// message on some link, or the strategy's tick or the fence could act. It
// mirrors due case by case; waking early costs a wasted step, waking late
// would be a bug, which the simulator checks on every tick of every run.
func (n *Node) nextTick() int64 {
	at := min(n.strategy.wake(n), n.fenceWake())
	held := false
	for _, l := range n.active {
		at = min(at, n.wakeAt(l))
		held = held || len(l.holds) > 0
	}
	if held {
		at = min(at, n.holdWake())
	}
	if at == none {
		return 0
	}
	return max(at-n.now, 1)
}

// holdWake is the first tick at which a held ack (hold.go) could be
// released other than by a link's send, which has a wake of its own: when a
// link that holds it back stalls, and so stops holding it back.
func (n *Node) holdWake() int64 {
	at := int64(none)
	for _, l := range n.active {
		if l.live(n.now, n.cfg) && l.hasUnsent() && l.sent > 0 {
			at = min(at, l.progressAt+stallTicks*n.cfg.RetransmitTicks)
		}
	}
	return at
}

// wakeAt is the first tick at which due(l) could return a message. An ack
// held back (hold.go) needs no tick of its own here: see holdWake.
func (n *Node) wakeAt(l *link) int64 {
	at := int64(none)
	if l.owedSince != never && len(l.holds) == 0 {
		at = l.owedSince + n.ackDelay(l)
	}
	switch {
	case l.state == stateProbe:
		at = min(at, l.lastGossip+l.retransmitAfter(n.cfg))
	case len(l.unacked) > 0:
		at = min(at, l.lastGossip+l.retransmitAfter(n.cfg))
		if l.hasUnsent() && !l.stalled(n.now, n.cfg) {
			at = min(at, l.lastGossip+n.batch)
		}
	}
	return at
}
