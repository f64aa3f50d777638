package actor

// tick advances the strategy's timers (a Star node's failover).
func (n *Node) tick() {
	if n.self != "" {
		n.strategy.tick(n)
	}
}

// flush sends whatever is due on every active link (no other link can have
// anything due), in sorted peer order so the output is deterministic.
func (n *Node) flush(out *Output) {
	for _, l := range n.activeLinks() {
		n.due(l, out)
	}
	n.prune()
}

// due decides whether a link has something to send now, and sends it.
//
// At most one send per link per step (all the values it sends, in as many
// batches as they need, or one ack): new values go out at once when they
// ask a hub to fan them out (a Star node's own values, where waiting would
// only add latency) and otherwise once the link has been quiet for a batch
// interval; if the peer has been silent for a retransmission timeout,
// everything it has not acknowledged goes again; failing both, an
// acknowledgement we owe goes out on its own once we have given up hope of
// piggybacking it. A peer that has stopped acknowledging (a partition) gets
// new values only with the backed-off resends: sending it every batch would
// cost the most exactly when nothing arrives.
func (n *Node) due(l *link, out *Output) {
	quiet := n.now - l.lastGossip
	live := !l.stalled(n.now, n.cfg)
	switch {
	case live && (l.relayUnsent() || l.hasUnsent() && quiet >= n.batch):
		l.gossip(n.now, n.self, false, out)
	case len(l.unacked) > 0 && quiet >= l.retransmitAfter(n.cfg):
		l.gossip(n.now, n.self, true, out)
	case l.owedSince != never && n.now-l.owedSince >= n.ackDelay(l):
		out.send(l.ack(n.self))
	}
}

// ackDelay is how long to hold an acknowledgement. A hub answers its clients
// within a batch interval so that they never mistake patience for failure;
// values that crossed a healed partition are answered at once (see heard).
func (n *Node) ackDelay(l *link) int64 {
	if l.prompt {
		return 0
	}
	if l.relaysVia {
		return min(n.batch, n.cfg.AckTicks)
	}
	return n.cfg.AckTicks
}
