package actor

import (
	"slices"

	"rumor/messages"
)

// A node that is killed and started again under the same id has its values
// back from its log (recovery.go) but not its streams; its peers still have
// theirs. Incarnations let both sides see it. Every gossip, ack and probe
// says which run of the sender it comes from (Inc) and which run of the
// receiver it is meant for (ToInc), and sequence numbers count within one
// such pair.
//
// A node that hears a larger incarnation from a peer it had heard before
// knows the peer restarted: it starts both streams with it over, and
// queues every value it holds for the peer, so the peer gets from every
// node still up whatever it lacks. A probe (progress.go) does the same
// even from a peer never heard before: it is the peer asking for exactly
// that. A node that gets a message meant for an earlier run of itself
// keeps the values (they are values all the same) but not the sequence
// numbers, and answers at once, so the sender learns the new run and
// starts over. Messages from an earlier run of the peer, still in flight,
// are kept for their values alone.

// meet checks a message's incarnations against what l knows and reports
// whether its sequence numbers and ack belong to the link's current
// streams.
func (n *Node) meet(l *link, inc messages.Incarnations) bool {
	switch {
	case inc.Inc < l.incs.ToInc: // an earlier run of the peer, still in flight
		return false
	case inc.Inc > l.incs.ToInc:
		if l.incs.ToInc != 0 { // not news: restarts are normal, and cost only a resend
			n.restartLink(l)
		}
		l.incs.ToInc = inc.Inc
	}
	if inc.ToInc != 0 && inc.ToInc == l.incs.Inc {
		n.confirm(l)
	}
	if inc.ToInc != 0 && inc.ToInc != l.incs.Inc { // meant for an earlier run of this node
		n.answerNow(l)
		return false
	}
	return true
}

// restartLink starts both streams with a restarted peer over: nothing
// received from its new run yet, and every value this node holds queued for
// it from sequence number 1. This node's own side of the link (probing it,
// or not) carries over.
func (n *Node) restartLink(l *link) {
	fresh := newLink(l.peer, l.phase, l.incs.Inc)
	fresh.listed, fresh.lastHeard, fresh.rtt = l.listed, l.lastHeard, l.rtt
	fresh.askNow = l.askNow
	was := l.out.health()
	if l.out.state == stateProbe {
		fresh.out = l.out
	}
	*l = *fresh
	n.queue(l, slices.Clone(n.store.all())...)
	if now := l.out.health(); now != was { // the peer is back: that is progress
		n.strategy.changed(n, l, was, now)
	}
}

// onProbe answers a restarted peer: its stream from this node starts over
// with everything this node holds (once per run of the peer: a repeated
// probe, whose answer was lost, is only answered again), and an answer
// naming its run goes in this step's output. If this node is probing the
// peer too (both restarted, as after a kill of every node), the answer is
// this node's own probe, sent at once: the peer is evidently up and
// initialised now, while this node's first probe may have reached it
// before its init and been dropped. Of two nodes restarted together, at
// least one's probe arrives after the other's init, so the pair confirms
// each other within a round trip, not a retransmission timeout.
func (n *Node) onProbe(m messages.Message, p messages.Probe, out *Output) {
	l, ok := n.linkFrom(m, out)
	if !ok {
		return
	}
	n.heard(l)
	switch {
	case p.Inc < l.incs.ToInc: // a probe from an earlier run, still in flight
		return
	case p.Inc > l.incs.ToInc && l.incs.ToInc == 0:
		// Nothing was ever heard from the peer, so nothing on the link was
		// acknowledged, but gossip sent before may be in flight and be
		// taken as the current stream (its to_inc is 0): starting the
		// stream over would make its ack name values the new stream never
		// sent. So the stream goes on, with every value queued on it.
		n.requeue(l, n.store.all())
		l.out.resend = l.sent > 0 // what went before goes again at once
		l.incs.ToInc = p.Inc
	case p.Inc > l.incs.ToInc:
		n.restartLink(l)
		l.incs.ToInc = p.Inc
	}
	if p.ToInc != 0 && p.ToInc == l.incs.Inc {
		n.confirm(l)
	}
	if l.out.state == stateProbe {
		l.out.reprobe()
	}
	n.answerNow(l)
}
