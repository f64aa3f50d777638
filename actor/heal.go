package actor

// heard reacts to a message from the peer of l arriving. Maelstrom checks
// partitions when it delivers, so a message from a peer whose link had
// stalled proves the network lets that peer through again, and its
// partitions are symmetric and heal all at once: the heal is most likely
// whole. So every stalled link gets one retry now, and starts its backoff
// over, rather than waiting up to MaxRetransmitTicks for its next one. One
// such early retry per link per stall, so a peer cut off one way only
// (which keeps reaching us while we cannot reach it) costs one message per
// link, not one per message it sends.
func (n *Node) heard(l *link) {
	if !l.stalled(n.now, n.cfg) {
		return
	}
	for _, k := range n.active {
		if !k.kicked && k.stalled(n.now, n.cfg) {
			k.kick()
		}
	}
}
