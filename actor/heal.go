package actor

// heard reacts to a message from the peer of l arriving, before the node
// applies it.
//
// Maelstrom checks partitions when it delivers, so a message from a peer
// whose link had stalled proves the network lets that peer through again,
// and its partitions are symmetric and heal all at once: the heal is most
// likely whole. So every stalled link gets one retry now, and starts its
// backoff over, rather than waiting up to MaxRetransmitTicks for its next
// one; the retry asks for an answer at once (it is a resend), so its peer
// learns the way is open a round trip later. The first such sign in a stall
// retries every stalled link; after that, only a link that has sent
// nothing for a timeout is retried early, so a peer cut off one way only
// (which keeps reaching us while we cannot reach it) costs at most one
// message per link per timeout, not one per message it sends.
//
// Only a stalled link is evidence: a message from a peer this node never
// sent anything to (a stand-in hub's first fan-out, say) says nothing
// about a heal.
//
// Any message also keeps what the peer promised (link.expectBy), and a link
// that was suspect only for its silence, with nothing of this node's
// unacknowledged on it, is healthy again: the silence was all that was
// wrong.
func (n *Node) heard(l *link) {
	l.lastHeard = n.now
	l.expectBy = never
	if l.out.state == stateStalled {
		for _, k := range n.active {
			if k.out.state == stateStalled && (!k.out.kicked || n.now-k.out.lastSend >= n.rto(k, true)) {
				k.out.kick()
			}
		}
	}
	if l.sent == 0 && l.out.state == stateSuspect {
		n.setState(l, stateReplicate)
	}
}
