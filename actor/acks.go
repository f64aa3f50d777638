package actor

// A link's ack side is in one of four states:
//
//   - settled: the node has acknowledged everything the peer sent.
//   - lazy: it owes an acknowledgement and waits, up to AckTicks, for
//     gossip going the peer's way to carry it; then it sends one alone.
//   - soon: the peer asked for an answer (gossip with now set: the node
//     is the peer's way to its hub, or the batch is a resend), so the
//     acknowledgement waits at most a batch interval for gossip to carry
//     it. A hub's fan-out goes every batch interval under load, so its
//     answers to the leaves that feed it ride on it and cost nothing; a
//     leaf's silence still shows within a round trip and a batch interval.
//   - prompt: it owes one that goes in the next flush, on gossip if any
//     goes the peer's way, alone if not: the node has something to tell the
//     peer (a probe answered, a restart noticed, a better hub: restart.go,
//     tree_news.go).
//
//	settled --values--> lazy --now set--> soon --news--> prompt
//	   ^                 |                  |               |
//	   +-- ack sent, ----+------------------+---------------+
//	       covering all
//
// Either way the acknowledgement covers a peer's values only once the node
// has passed them on (hold.go): an answer to a node that hands this one
// its values to fan out goes with the fan-out, not before it.

// ackState is a link's ack-side state.
type ackState int

const (
	ackSettled ackState = iota
	ackLazy
	ackSoon
	ackPrompt
)

func (s ackState) String() string { return [...]string{"settled", "lazy", "soon", "prompt"}[s] }

// inbound is a link's ack side: how far the node has got in the peer's
// stream, and what it owes the peer.
type inbound struct {
	state    ackState
	received uint64 // every value up to here has arrived
	recvAt   int64  // tick received last moved
	recvTS   uint64 // the peer's stamp on the batch that moved it (Gossip.Stamp)
	ackedTo  uint64 // the highest acknowledgement sent
	// owedSince is the tick the node began to owe an acknowledgement;
	// never when settled. dueAt is when the acknowledgement goes alone,
	// if no gossip has carried it by then.
	owedSince int64
	dueAt     int64
	// holds are batches from the peer whose values this node has queued
	// for others and not yet sent on; the ack covers them only once it has
	// (hold.go). holdFloor is what may be acked meanwhile, and floorAt
	// and floorTS when and in which batch it arrived.
	holds     []hold
	holdFloor uint64
	floorAt   int64
	floorTS   uint64
}

// owe records that an acknowledgement is owed, from now if none was; it
// goes alone after lazy ticks.
func (in *inbound) owe(now, lazy int64) {
	if in.state == ackSettled {
		in.state, in.owedSince, in.dueAt = ackLazy, now, now+lazy
	}
}

// hurry brings the acknowledgement owed (or a new one) forward to within
// wait ticks, entering state s (soon or prompt) unless it is in a more
// urgent one already.
func (in *inbound) hurry(now, wait int64, s ackState) {
	in.owe(now, wait)
	in.dueAt = min(in.dueAt, now+wait)
	in.state = max(in.state, s)
}

// take returns the acknowledgement to send now, everything received less
// what is held (hold.go), how long the node has sat on it, and the stamp
// of the batch that brought it (the echo, rtt.go); the state settles only
// when all of it goes.
func (in *inbound) take(now int64) (ack uint64, held int64, echo uint64) {
	ack, at, echo := in.received, in.recvAt, in.recvTS
	if len(in.holds) > 0 {
		ack, at, echo = in.holdFloor, in.floorAt, in.floorTS
	}
	in.ackedTo = ack
	switch {
	case ack == in.received:
		in.state, in.owedSince, in.dueAt = ackSettled, never, never
	case in.state == ackPrompt:
		in.state = ackSoon // the held rest goes once released (ackDue)
	}
	if ack == 0 {
		return 0, 0, 0 // nothing received: nothing held
	}
	return ack, max(now-at, 0), echo
}

// ackDue is the tick a stand-alone acknowledgement falls due, or none:
// none is due while holds keep it back (hold.go releases them), unless it
// is prompt. A prompt answer is about where this node stands (its path,
// its stamp: a hello's answer, a greeting, a question's answer, a
// decline), not about the values held, so it goes at once with the
// acknowledgement the holds allow, and the rest follows once released.
func (n *Node) ackDue(l *link) int64 {
	if l.in.state == ackSettled || len(l.in.holds) > 0 && l.in.state != ackPrompt {
		return none
	}
	return l.in.dueAt
}

// answerNow makes an acknowledgement to l's peer due in this step's flush;
// a gossip going the same way carries it instead.
func (n *Node) answerNow(l *link) {
	l.in.hurry(n.now, 0, ackPrompt)
	n.activate(l)
}

// answerSoon makes an acknowledgement to l's peer due within a batch
// interval: the peer asked for one (Gossip.Now).
func (n *Node) answerSoon(l *link) {
	l.in.hurry(n.now, n.batch, ackSoon)
	n.activate(l)
}
