package actor

// heard reacts to a message from the peer of l arriving, before the node
// applies it.
//
// Maelstrom checks partitions when it delivers, so a message from a peer
// whose link was cut (values of this node's on it went unanswered: the
// link is suspect or stalled) proves the network lets that peer through
// again, and its partitions are symmetric and heal all at once: the heal
// is most likely whole. So every suspect or stalled link resends now, and
// a stalled one starts its backoff over, rather than waiting for its next
// timeout (up to MaxRetransmitTicks); the resend asks for an answer at
// once, so its peer learns the way is open a round trip later. Suspect
// links count too: a partition shorter than the three timeouts a stall
// takes (Maelstrom draws them down to a fraction of a second) ends with
// the links across it still suspect, and they resent nothing until they
// stalled, well after the heal. The first such sign retries every such
// link; after that, a link is retried early again only a timeout after its
// last early retry, so a peer cut off one way only (which keeps reaching
// us while we cannot reach it) costs at most one message per link per
// timeout, not one per message it sends. The timeout counts from the last
// early retry, not the last send: a stalled link retries about once a
// timeout on its own schedule, and counting from that would leave a heal
// that comes long after the first sign waiting for the next scheduled
// retry (up to MaxRetransmitTicks).
//
// Only a link with values unanswered is evidence: a message from a peer
// this node never sent anything to (a stand-in hub's first fan-out, say)
// says nothing about a heal.
//
// The values such a message brings waited out the cut on the other side,
// every one of them late already, and nobody on this side has them: the
// first retry across a heal is their one way over until the kicks' resends
// are answered. So they go on at once, and each hop is told so
// (Node.crossed, Gossip.Late; tree.late), not with the next batch.
//
// Any message also keeps what the peer promised (link.expectBy), and a link
// that was suspect only for its silence, with nothing of this node's
// unacknowledged on it, is healthy again: the silence was all that was
// wrong.
func (n *Node) heard(l *link) {
	l.lastHeard = n.now
	l.expectBy = never
	if cut(l) {
		for _, k := range n.active {
			if cut(k) && (!k.out.kicked || n.now-k.out.kickedAt >= n.rto(k, true)) {
				k.out.kick(n.now)
			}
		}
	}
	if l.sent == 0 && l.out.state == stateSuspect {
		n.setState(l, stateReplicate)
	}
}

// cut reports whether l looks cut: values of this node's went unanswered
// on it for a timeout or more.
func cut(l *link) bool {
	return l.sent > 0 && (l.out.state == stateSuspect || l.out.state == stateStalled)
}
