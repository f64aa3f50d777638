package actor

// A hedge: one early resend when a batch of the peer's shows that it
// lacks values this node asked it to answer for, long after they should
// have reached it.
//
// A node's own values go up to its parent at once, asking for an answer
// (Gossip.Now), and the parent's batches carry its acknowledgement: a
// batch the parent sent once the values had reached it acknowledges them,
// since the fan-out that passes them on and that batch leave in one
// output (hold.go). So a batch from the parent that still lacks them left
// the parent before they arrived. Under a constant latency L that batch
// arrives at most a round trip (2L) after the values left, whatever the
// load; arriving later than two round trips, it says that one of the two
// messages was delayed far beyond the usual, and most likely the values'
// (the network draws each message's delay on its own: Maelstrom's
// --latency-dist exponential). Then the link resends everything
// unacknowledged at once (a second, independent draw), once per wait: a
// hedge, like TCP's fast retransmit, which resends on evidence rather
// than on a timeout. The link stays as it is: only the timeouts (plan.go)
// judge the peer, so a hedge can neither suspect an honest parent nor put
// its timeouts off.
//
// Under a constant latency no hedge fires: no batch can arrive that late
// without the values (unless a process stalls, which costs one message).
// Under exponential latency the timeout, which must cover the long tail
// of every round trip lest an honest hub be given up (SRTT + 4·RTTVAR +
// B, rtt.go), comes many hundreds of milliseconds after a send, and the
// values of a send whose delay was drawn long waited for it; the parent's
// batches come every batch interval B, so a hedge goes two round trips to
// two round trips and B after the send.

// hedgeSlack is the least margin, in ticks, over one round trip that a
// batch must arrive past a send before it counts as evidence: at
// --latency 0 the round trip is less than a tick, and a batch processed
// in the next tick is no sign of anything.
const hedgeSlack = 3

// hedge resends, once per wait, everything l's peer has not acknowledged,
// if l's last gossip asked for an answer, a batch of the peer's has just
// arrived without acknowledging it all, and the oldest of it has waited
// longer than two round trips (and one and hedgeSlack ticks).
func (n *Node) hedge(l *link) {
	o := &l.out
	if o.state != stateReplicate || !o.asked || o.hedged || l.sent == 0 || o.waitFrom == never || l.rtt.samples < trustSamples {
		return
	}
	srtt, _ := l.rtt.smoothed()
	if n.now-o.waitFrom <= max(2*srtt, srtt+hedgeSlack) {
		return
	}
	o.hedged, o.resend = true, true
	n.activate(l)
}
