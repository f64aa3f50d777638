package actor

import "slices"

// A node acknowledges values no earlier than it has passed them on. When a
// batch from a peer brings values this node queues for others (a hub fanning
// out what a leaf relayed, a node forwarding along the topology), the ack
// for that batch is held until every live link those values were queued on
// has sent them at least once. The ack is what lets the sender drop the
// values; held back this way, it never leaves a value living only on this
// node, should this node fall silent right after (a node whose stdout
// Maelstrom stops reading loses everything it has not yet written).
//
// Every queued value bumps the node's routed count; a link remembers the
// count at its last gossip (sentRoute), so it has sent every value queued
// on it up to then. A batch's hold records the count just after its values
// were queued. It is released once no live link still has unsent values
// with a count at or below it, the batch's own link aside. Links that
// stream nothing now (stalled, or probing) do not hold acks back: their
// peers get the values with the retries. Nor do a relay's links to its
// children while its parent's link streams (strategy.passesOn):
// whatever they hold went up to the parent at once, in the output that
// carries the ack, or goes down in that output (the parent's batch).
// Held for them, a child's ack would wait for the relay's next batch to
// its other children, which waits for the parent's (batchGap), up to B/5
// longer than the batch interval B a child allows its parent for an
// answer (Config).
//
// The hold is checked before each flush, with the links that will send in
// that flush counted as sent: the ack then rides, as before, on the gossip
// of the same output that carries the values on.

// hold is one batch whose ack waits: the peer's sequence number it brought
// the stream up to, when it arrived, and the node's routed count once its
// values were queued.
type hold struct {
	seq, route, ts uint64
	at             int64
}

// holdAck records that the values of a batch, which brought received up
// from where before had it, were queued for others up to route.
func (l *link) holdAck(before inbound, route uint64) {
	in := &l.in
	if len(in.holds) == 0 {
		in.holdFloor, in.floorAt, in.floorTS = before.received, before.recvAt, before.recvTS
	}
	in.holds = append(in.holds, hold{seq: in.received, route: route, at: in.recvAt, ts: in.recvTS})
}

// release lets go of the holds whose values have all been sent on.
func (l *link) release(sentUpTo uint64) {
	in := &l.in
	k := 0
	for k < len(in.holds) && in.holds[k].route <= sentUpTo {
		in.holdFloor, in.floorAt, in.floorTS = in.holds[k].seq, in.holds[k].at, in.holds[k].ts
		k++
	}
	if k == len(in.holds) {
		in.holds = in.holds[:0] // keep the room: a hub holds on every relay
		return
	}
	in.holds = in.holds[k:]
}

// releaseHolds releases every hold whose values will have been sent on
// once this flush is out. A hold waits for every live link with unsent
// values but its own: a batch's values are never queued back on the link
// they came by, and that link's own backlog (values from others) must not
// hold its acks back, or the ack would wait for the link's next batch.
func (n *Node) releaseHolds(links []*link) {
	if !slices.ContainsFunc(links, func(l *link) bool { return len(l.in.holds) > 0 }) {
		return
	}
	// The two lowest counts at which a live link last sent, among the
	// links that will not send now, and the link of the lowest.
	low, second := n.routed, n.routed
	var lowest *link
	for _, l := range links {
		if !l.hasUnsent() || !l.streams() || n.strategy.passesOn(n, l.peer) {
			continue
		}
		if act, at := n.plan(l); at <= n.now && act.sends() {
			continue
		}
		switch {
		case l.sentRoute < low:
			low, second, lowest = l.sentRoute, low, l
		case l.sentRoute < second:
			second = l.sentRoute
		}
	}
	for _, l := range links {
		if len(l.in.holds) == 0 {
			continue
		}
		if l == lowest {
			l.release(second)
		} else {
			l.release(low)
		}
	}
}
