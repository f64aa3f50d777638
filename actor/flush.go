package actor

// tick advances the strategy's timers (a Star node's failover).
func (n *Node) tick() {
	if n.self != "" {
		n.strategy.tick(n)
	}
}

// flush sends whatever is due on every active link (no other link can have
// anything due), in sorted peer order so the output is deterministic, and
// the pause guard's fence if it is due again.
func (n *Node) flush(out *Output) {
	links := n.activeLinks()
	n.batching = n.batchDue(links)
	n.releaseHolds(links)
	for _, l := range links {
		n.due(l, out)
	}
	n.prune()
	n.refence(out)
}

// due decides whether a link has something to send now, and sends it.
//
// At most one send per link per step (all the values it sends, in as many
// batches as they need, or one probe, or one ack): new values go out at
// once when they are urgent (a node's own values, where waiting would only
// add latency, and a Star node's values for its hub to fan out) and
// otherwise once the link has been quiet for a batch interval; if the peer
// has been silent for a retransmission timeout, everything it has not
// acknowledged goes again; failing both, an acknowledgement we owe goes out
// on its own once we have given up hope of piggybacking it. A peer that has
// stopped acknowledging (a partition) gets new values only with the
// backed-off resends: sending it every batch would cost the most exactly
// when nothing arrives. A link in the probe state sends probes instead of
// values, on the resend schedule (progress.go).
func (n *Node) due(l *link, out *Output) {
	if send, retry := n.gossipDue(l); send {
		l.gossip(n.now, n.self, n.routed, retry, out)
		return
	}
	if l.state == stateProbe && n.now-l.lastGossip >= l.retransmitAfter(n.cfg) {
		l.probe(n.now, n.self, out)
		return
	}
	if l.owedSince != never && len(l.holds) == 0 && n.now-l.owedSince >= n.ackDelay(l) {
		out.send(l.ack(n.self))
	}
}

// gossipDue reports whether l sends values now, and whether that is a
// resend.
func (n *Node) gossipDue(l *link) (send, retry bool) {
	if l.state != stateReplicate || len(l.unacked) == 0 {
		return false, false
	}
	quiet := n.now - l.lastGossip
	if !l.stalled(n.now, n.cfg) && (l.urgentUnsent() || l.hasUnsent() && (quiet >= n.batch || n.batching)) {
		return true, false
	}
	return quiet >= l.retransmitAfter(n.cfg), true
}

// batchDue reports whether some live link's batch interval has run out
// with new values waiting (a link starting over, which sends at once, does
// not count). Then every live link with new values sends its batch in this
// flush, due or not: the links of a node batch in step, so a
// hub's fan-out of a relayed value and the gossip that carries its ack to
// the relaying node leave in one output (hold.go), and a link pulled out
// of step (by the first relay after a quiet spell, which every link but the
// relaying one sends at once) costs one early batch, once.
func (n *Node) batchDue(links []*link) bool {
	for _, l := range links {
		if l.state == stateReplicate && l.hasUnsent() && l.lastGossip != never && n.now-l.lastGossip >= n.batch && !l.stalled(n.now, n.cfg) {
			return true
		}
	}
	return false
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
