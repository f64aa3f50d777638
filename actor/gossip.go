package actor

import (
	"fmt"

	"rumor/messages"
)

// accept stores v and, if it is new, hands it to the strategy to queue for
// the peers it should reach. from is the peer it came from ("" for a
// client); relay says the sender asked this node to act as its hub.
func (n *Node) accept(v messages.Value, from string, relay bool) {
	if n.store.add(v) {
		n.strategy.route(n, v, from, relay)
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

func (n *Node) onGossip(m messages.Message, g messages.Gossip, durable bool, out *Output) {
	l, ok := n.linkFrom(m, out)
	if !ok {
		return
	}
	if !durable && n.persistFirst(m, g.Values, out) {
		return
	}
	current := n.meet(l, g.Incarnations)
	// Values from a peer silent that long most likely crossed a healed
	// partition, and the peer learns the network is back only from our
	// answer: ack them at once rather than waiting to piggyback.
	silent := n.heard(l)
	l.returned = silent
	prompt := silent && len(g.Values) > 0
	before := l.received
	if current {
		// A batch that skips ahead overtook the one before it (a large send
		// goes out in several); its values are kept, and the ack waits for
		// the gap, which the sender's resend fills.
		l.onGossip(n.now, g.Seq, len(g.Values))
	}
	l.prompt = l.prompt || prompt
	n.activate(l) // it may owe an ack now
	l.relaysVia = g.Relay
	routed := n.routed
	for _, v := range g.Values { // a value is a value, whichever stream brought it
		n.accept(v, m.Src, g.Relay)
	}
	if current && n.routed != routed {
		l.holdAck(before, n.routed) // acked once passed on; see hold.go
	}
	if current {
		n.ackFrom(l, g.Ack, out)
	}
}

func (n *Node) onAck(m messages.Message, a messages.Ack, out *Output) {
	if l, ok := n.linkFrom(m, out); ok {
		current := n.meet(l, a.Incarnations)
		n.heard(l)
		if current {
			n.ackFrom(l, a.Ack, out)
		}
	}
}

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

// ackFrom applies a peer's acknowledgement and tells the strategy when it
// made progress.
func (n *Node) ackFrom(l *link, upTo uint64, out *Output) {
	progress := upTo > l.acked
	if !l.onAck(n.now, upTo) {
		out.problem(fmt.Sprintf("%s acknowledged seq %d, beyond what was sent; ignoring the excess", l.peer, upTo))
	}
	if progress {
		n.strategy.progressed(n, l)
	}
}
