package actor

// A link's ack side is in one of three states:
//
//   - settled: the node has acknowledged everything the peer sent.
//   - lazy: it owes an acknowledgement and waits, up to AckTicks, for
//     gossip going the peer's way to carry it; then it sends one alone.
//   - prompt: it owes one that goes in the next flush, on gossip if any
//     goes the peer's way, alone if not: the peer asked for an answer at
//     once (gossip with now set: the node is the peer's way to its hub, or
//     the gossip is a resend; a probe), or the node has something to tell
//     it (a restart it noticed, a better hub: restart.go, tree.go).
//
//	settled --values--> lazy --asked--> prompt
//	   ^                 |                |
//	   +-- ack sent, ----+----------------+
//	       covering all
//
// Either way the acknowledgement covers a peer's values only once the node
// has passed them on (hold.go): a prompt answer to a node that hands this
// one its values to fan out goes with the fan-out, not before it.

// ackState is a link's ack-side state.
type ackState int

const (
	ackSettled ackState = iota
	ackLazy
	ackPrompt
)

func (s ackState) String() string { return [...]string{"settled", "lazy", "prompt"}[s] }

// inbound is a link's ack side: how far the node has got in the peer's
// stream, and what it owes the peer.
type inbound struct {
	state    ackState
	received uint64 // every value up to here has arrived
	recvAt   int64  // tick received last moved
	recvTS   uint64 // the peer's stamp on the batch that moved it (Gossip.Stamp)
	ackedTo  uint64 // the highest acknowledgement sent
	// owedSince is the tick the node began to owe an acknowledgement;
	// never when settled.
	owedSince int64
	// holds are batches from the peer whose values this node has queued
	// for others and not yet sent on; the ack covers them only once it has
	// (hold.go). holdFloor is what may be acked meanwhile, and floorAt
	// and floorTS when and in which batch it arrived.
	holds     []hold
	holdFloor uint64
	floorAt   int64
	floorTS   uint64
}

// owe records that an acknowledgement is owed, from now if none was.
func (in *inbound) owe(now int64) {
	if in.state == ackSettled {
		in.state, in.owedSince = ackLazy, now
	}
}

// ask makes the acknowledgement owed, or a new one, go in the next flush.
func (in *inbound) ask(now int64) {
	in.owe(now)
	in.state = ackPrompt
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
	if ack == in.received {
		in.state, in.owedSince = ackSettled, never
	}
	return ack, max(now-at, 0), echo
}

// ackDue is the tick a stand-alone acknowledgement falls due, or none:
// none is due while holds keep it back (hold.go releases them).
func (n *Node) ackDue(l *link) int64 {
	switch {
	case l.in.state == ackSettled || len(l.in.holds) > 0:
		return none
	case l.in.state == ackPrompt:
		return l.in.owedSince
	}
	return l.in.owedSince + n.cfg.AckTicks
}

// answerNow makes an acknowledgement to l's peer due in this step's flush;
// a gossip going the same way carries it instead.
func (n *Node) answerNow(l *link) {
	l.in.ask(n.now)
	n.activate(l)
}
