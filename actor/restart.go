package actor

import (
	"slices"

	"rumor/messages"
)

// A node that crashes and starts again under the same id has lost its
// values and its streams; its peers have not. Incarnations let both sides
// see it. Every gossip and ack says which run of the sender it comes from
// (Inc) and which run of the receiver it is meant for (ToInc), and
// sequence numbers count within one such pair.
//
// A node that hears a larger incarnation from a peer it had heard before
// knows the peer restarted: it starts both streams with it over, and queues
// every value it holds for the peer, so the peer catches up from every node
// that is still up. A node that gets a message meant for an earlier run of
// itself keeps the values (they are values all the same) but not the
// sequence numbers, and answers at once, so the sender learns the new run
// and starts over. Messages from an earlier run of the peer, still in
// flight, are kept for their values alone.
//
// A restarted node that nobody talks to would wait for the next value to
// flow before catching up, so a node with an incarnation announces it to
// one peer (the first other node in init order) with an empty ack: one
// message per node per run. If this run is a restart, that peer starts its
// stream over and sends everything it holds; all nodes converge on the same
// values, so one peer is enough. The announcement waits for the first
// client request after init (topology, broadcast or read), not init
// itself: Maelstrom sends init to all nodes in parallel, and a message to a
// node it has not registered yet is an unknown destination, after which it
// never reads the sender's stdout again (eddy/docs/SEMANTICS.md §1.6).
// Client traffic starts only after every init has been answered (same
// document, §1.8).
//
// What this cannot do: a value that a node acknowledged and lost before it
// had passed it on exists nowhere else, and is gone (nothing is on disk).

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
	if inc.ToInc != 0 && inc.ToInc != l.incs.Inc { // meant for an earlier run of this node
		if answerNow := n.now - n.ackDelay(l); l.owedSince == never || l.owedSince > answerNow {
			l.owedSince = answerNow // the ack goes out in this step's flush
		}
		n.activate(l)
		return false
	}
	return true
}

// restartLink starts both streams with a restarted peer over: nothing
// received from its new run yet, and every value this node holds queued for
// it from sequence number 1. If the peer was ever this node's hub, the new
// stream asks it to fan everything out again, since it may have lost values
// it had acknowledged but not yet passed on.
func (n *Node) restartLink(l *link) {
	wasHub := l.relayTo > 0
	fresh := newLink(l.peer, l.phase, l.incs.Inc)
	fresh.listed, fresh.lastHeard = l.listed, l.lastHeard
	*l = *fresh
	l.enqueue(n.now, slices.Clone(n.store.all())...)
	if wasHub {
		l.markRelay()
	}
	n.activate(l)
}

// announce sends, once per run, the ack described above. A node without an
// incarnation (tests, simulations that never restart) stays silent.
func (n *Node) announce(out *Output) {
	if !n.unannounced {
		return
	}
	n.unannounced = false
	for _, id := range n.nodes {
		if id != n.self {
			out.send(n.links[id].ack(n.self))
			return
		}
	}
}
