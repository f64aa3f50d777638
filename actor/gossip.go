package actor

import (
	"fmt"

	"rumor/messages"
)

// accept stores v and, if it is new, hands it to the strategy to queue for
// the peers it should reach. from is the peer it came from ("" for a
// client).
func (n *Node) accept(v messages.Value, from string) {
	if n.store.add(v) {
		n.strategy.route(n, v, from)
	}
}

func (n *Node) peersExcept(id string) []string { return without(n.peers, id) }

// without returns ids minus id, sharing ids when id is absent.
func without(ids []string, id string) []string {
	for i, x := range ids {
		if x == id {
			rest := make([]string, 0, len(ids)-1)
			return append(append(rest, ids[:i]...), ids[i+1:]...)
		}
	}
	return ids
}

// lateDue reports whether late values (tree.late) may go on at once now,
// and if so counts this as their time: at most once per batch interval,
// any number of times within one tick. The values a heal brings arrive
// over a round trip or more, a few at a time from many peers; sent at once
// on each arrival, they cost a hub a fan-out per arrival (a :majority cut
// at --latency 200 healed into 200 gossip messages from n0 in a fifth of
// a second, 3.6 messages per operation on the run against 3.2). Once per
// batch interval, they cost a node at most one early batch per interval
// while they come, and the first of them still goes at once.
func (n *Node) lateDue() bool {
	if n.lateAt != never && n.lateAt != n.now && n.now-n.lateAt < n.batch {
		return false
	}
	n.lateAt = n.now
	return true
}

// arrive is how every node-to-node message that may bring values begins:
// the link it came on, its values written first (the message is held back
// until they are), the sender's run met and the message heard. ok is false
// when the message is dropped or held back; current says it belongs to the
// streams of this run of the peer.
func (n *Node) arrive(m messages.Message, vs []messages.Value, incs messages.Incarnations, durable bool, out *Output) (l *link, current, ok bool) {
	if l, ok = n.linkFrom(m, out); !ok {
		return nil, false, false
	}
	if !durable && n.persistFirst(m, vs, out) {
		return nil, false, false
	}
	current = n.meet(l, incs)
	n.heard(l)
	return l, current, true
}

func (n *Node) onGossip(m messages.Message, g messages.Gossip, durable bool, out *Output) {
	l, current, ok := n.arrive(m, g.Values, g.Incarnations, durable, out)
	if !ok {
		return
	}
	n.strategy.heard(n, l, standing{path: g.Path, hubTS: g.HubTS, more: promise(g.More, current), values: len(g.Values) > 0})
	before := l.in
	if current {
		// A batch that skips ahead overtook the one before it (a large send
		// goes out in several); its values are kept, and the ack waits for
		// the gap, which the sender's resend fills.
		stamp := g.Stamp
		if n.fence.up {
			stamp = 0 // it may have waited out a pause: no round trip to echo (rtt.go)
		}
		l.onGossip(n.now, g.Seq, len(g.Values), stamp, n.cfg.AckTicks)
		if g.Now && len(g.Values) > 0 {
			n.answerSoon(l) // once passed on; see acks.go
		}
	}
	n.activate(l) // it may owe an ack now
	routed := n.routed
	n.crossed = cut(l) || g.Late
	for _, v := range g.Values { // a value is a value, whichever stream brought it
		n.accept(v, m.Src)
	}
	n.crossed = false
	if current && n.routed != routed {
		l.holdAck(before, n.routed) // acked once passed on; see hold.go
	}
	if current {
		n.ackFrom(l, g.Ack, int64(min(g.Held, maxHeld)), g.Echo, out)
	}
}

func (n *Node) onAck(m messages.Message, a messages.Ack, durable bool, out *Output) {
	l, current, ok := n.arrive(m, a.Values, a.Incarnations, durable, out)
	if !ok {
		return
	}
	n.strategy.heard(n, l, standing{path: a.Path, hubTS: a.HubTS, more: promise(a.More, current), asks: a.Ask})
	if a.Now {
		n.answerNow(l) // a hello
	}
	// A question's values (Ack.Values) are taken once the strategy has
	// heard it, and only if values now travel to the asker: a peer that
	// answers takes the asker as a child first, and so passes them up at
	// once, as a child's. A peer that does not answer knows no newer way
	// than the asker's, and is most likely cut off with it: taking them,
	// it queued them for a parent it could not reach either, and with
	// values of its own unanswered there it stalled and failed over with
	// the asker, a dozen nodes of a side in the same tick (3d + partition
	// seeds 17 and 20). Such values are written all the same (they come
	// before the strategy hears the question, and are harmless on disk).
	if n.strategy.carries(n, m.Src) {
		for _, v := range a.Values {
			n.accept(v, m.Src)
		}
	}
	if current {
		n.ackFrom(l, a.Ack, int64(min(a.Held, maxHeld)), a.Echo, out)
	}
}

// promise is the promise a message makes (More), in ticks, or 0: only
// one on a stream of this run counts, and a confused or lying peer's is
// bounded (maxHeld) so that deadlines cannot overflow.
func promise(more uint64, current bool) int64 {
	if !current {
		return 0
	}
	return int64(min(more, maxHeld))
}

// maxHeld bounds the hold time a peer may claim (Gossip.Held, Ack.Held),
// so that a confused or lying peer cannot overflow the round-trip sums.
const maxHeld = 1 << 32

// linkFrom finds the link a node-to-node message belongs to, reporting
// messages from strangers.
func (n *Node) linkFrom(m messages.Message, out *Output) (*link, bool) {
	if n.self == "" {
		out.problem(fmt.Sprintf("ignoring %s from %s before init; it will be resent", m.Body.Type(), m.Src))
		return nil, false
	}
	l, ok := n.links[m.Src]
	if !ok {
		out.problem(fmt.Sprintf("ignoring %s from unknown node %q", m.Body.Type(), m.Src))
	}
	return l, ok
}

// ackFrom applies a peer's acknowledgement, which it sat on for held
// ticks, echoing the stamp of the batch it answers: values up to upTo
// leave the link, the round trip is sampled, and a doubtful or dead link
// streams again (progress.go).
func (n *Node) ackFrom(l *link, upTo uint64, held int64, echo uint64, out *Output) {
	if upTo <= l.acked {
		return
	}
	if !l.dropAcked(upTo) {
		out.problem(fmt.Sprintf("%s acknowledged seq %d, beyond what was sent; ignoring the excess", l.peer, upTo))
	}
	if sample, ok := l.rtt.echoed(n.now, held, echo, n.fence.resumedAt); ok {
		n.rtt.sample(sample)
	}
	n.progressed(l)
}
