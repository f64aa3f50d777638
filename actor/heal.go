package actor

// heard reacts to a message from the peer of l arriving, before the node
// applies it, and reports whether the peer had been silent for so long
// (twice the retransmission timeout) that it was probably cut off.
//
// Maelstrom checks partitions when it delivers, so a message from a peer
// whose link had stalled proves the network lets that peer through again,
// and its partitions are symmetric and heal all at once: the heal is most
// likely whole. So every stalled link gets one retry now, and starts its
// backoff over, rather than waiting up to MaxRetransmitTicks for its next
// one. The first such sign in a stall retries every stalled link; after
// that, only a link that has sent nothing for a retransmission timeout is
// retried early, so a peer cut off one way only (which keeps reaching us
// while we cannot reach it) costs at most one message per link per
// timeout, not one per message it sends.
func (n *Node) heard(l *link) (silent bool) {
	silent = n.now-l.lastHeard >= 2*n.cfg.RetransmitTicks
	l.lastHeard = n.now
	if !l.stalled(n.now, n.cfg) {
		return silent
	}
	for _, k := range n.active {
		if k.stalled(n.now, n.cfg) && (!k.kicked || n.now-k.lastGossip >= n.cfg.RetransmitTicks) {
			k.kick()
		}
	}
	return silent
}
