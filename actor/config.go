package actor

import "fmt"

// Strategy decides which peers a value is sent to.
type Strategy int

const (
	// Star routes every value through a hub: in fair weather a node sends
	// the values its clients broadcast to its hub alone, at once, and the
	// hub batches them out to every other node. Under partitions the star
	// repairs itself into a tree (tree*.go): a node cut off from its hub
	// attaches to a peer that still reaches it, and a group that reaches
	// no earlier hub at all makes its own.
	Star Strategy = iota
	// Topology floods values along the neighbours Maelstrom offers: each node
	// forwards every new value to its neighbours except the one it came from.
	Topology
	// Mesh sends each client value straight to every other node; received
	// values are never forwarded.
	Mesh
)

// String returns the strategy's flag name.
func (s Strategy) String() string {
	switch s {
	case Star:
		return "star"
	case Topology:
		return "topology"
	case Mesh:
		return "mesh"
	}
	return fmt.Sprintf("Strategy(%d)", int(s))
}

// ParseStrategy reads a flag name back into a Strategy.
func ParseStrategy(name string) (Strategy, error) {
	for _, s := range []Strategy{Star, Topology, Mesh} {
		if s.String() == name {
			return s, nil
		}
	}
	return 0, fmt.Errorf("unknown strategy %q (want star, topology or mesh)", name)
}

// Config sets the node's protocol. Every duration is a number of ticks: the
// core has no clock, so time is what the shell's ticker says it is.
//
// Four primitives; every other timeout is derived from them and from the
// round trips each link measures (rtt.go, progress.go):
//
//   - BatchTicks (B): a hub's fan-out rhythm, and so the longest it sits on
//     the acknowledgement of values a node asked it to pass on (hold.go).
//   - AckTicks (A): the longest any other acknowledgement waits for gossip
//     to ride on.
//   - RetransmitTicks (R₀): the round-trip allowance of a link that has not
//     measured one yet (and its floor until its second sample), unless the
//     node's links together measure a shorter one, and the period of a
//     pause fence's resends.
//   - MaxRetransmitTicks (M): the cap on a stalled link's backoff.
//
// A link's timeout is RTO = SRTT + max(1, 4·RTTVAR, SRTT/2) + D. Until the
// link has two samples of its own it is R₀ + D, or the node's estimate over
// all its links' samples plus D when that is shorter (rtt.go), where D is
// the longest the peer may honestly sit on its answer: B when this node
// asked for answers at once (its parent, a resend), A otherwise. So a
// timeout always covers a round trip plus the peer's own delay, and an
// honest peer is never taken for a dead one
// however slow the network is; only a peer that sits on values longer
// than it promised is. The derived timeouts:
//
//   - suspect: one RTO without progress on values sent; the values go
//     again, asking for an answer at once, and again a timeout later.
//   - stalled: two more timeouts (D = B, the resends having asked) without
//     progress, the latest resend unanswered for a whole timeout. A hub
//     change (failover) happens here and nowhere else: three timeouts,
//     with two resends between, make a slow or lost message alone never
//     move a node.
//   - retry: a stalled link resends after min(2^k · that timeout, M),
//     plus a fixed phase of its own on the first, so links cut together
//     retry apart. A hub's links, whose retries find the heal, cap at
//     k·M/30 for k links retrying (at most M/3), or the timeout if longer:
//     the pace P. When its round trips are at least M/10, its counterpart
//     (the first node it cannot reach, likely the other side's hub) gets
//     half of those k retries per P, at 2P/(k+1), and the others share the
//     rest, at 2kP/(k+1) up to M (counterpart.go).
//
// The inequalities Validate enforces: B ≥ 0, A ≥ 0, R₀ ≥ 1, and
// M ≥ R₀ + max(A, B), so that backing off never retries sooner than a
// link that measured nothing would time out.
type Config struct {
	Strategy Strategy

	// BatchTicks is the least gap between two gossip batches on a fan-out
	// link. A value that finds the link idle for that long goes out at once;
	// under load values wait and share one message.
	BatchTicks int64

	// AckTicks is how long a node may sit on an acknowledgement, hoping to
	// piggyback it on gossip, before it sends an ack message; a peer that
	// asks for an answer at once (gossip with now set, a probe) is answered
	// as soon as its values are passed on.
	AckTicks int64

	// RetransmitTicks is the round-trip allowance of a link before it has
	// measured a round trip.
	RetransmitTicks int64

	// MaxRetransmitTicks caps the backoff of a stalled link's resends.
	MaxRetransmitTicks int64

	// Incarnation names this run of the node; the core has no clock and no
	// randomness, so the shell picks it (rumor uses the wall clock in
	// nanoseconds at start). A node started again under the same id must get
	// a larger one: peers that see it start their streams to the node over
	// (see restart.go). Zero is for a node that never restarts.
	Incarnation uint64

	// NoPauseFence turns the pause guard off (fence.go): a node resumed
	// after a pause answers the requests it finds at once, even those whose
	// clients gave up while it was stopped. For showing what the guard
	// prevents, not for use.
	NoPauseFence bool
}

// DefaultConfig returns settings tuned for Maelstrom's efficiency runs with a
// 10 ms tick.
func DefaultConfig() Config {
	return Config{
		Strategy:           Star,
		BatchTicks:         25,
		AckTicks:           90,
		RetransmitTicks:    30,
		MaxRetransmitTicks: 150,
	}
}

// Validate reports settings the protocol cannot work with.
func (c Config) Validate() error {
	switch {
	case c.BatchTicks < 0:
		return fmt.Errorf("batch interval must not be negative")
	case c.AckTicks < 0:
		return fmt.Errorf("ack delay must not be negative")
	case c.RetransmitTicks < 1:
		return fmt.Errorf("initial round-trip allowance must be at least one tick")
	case c.MaxRetransmitTicks < c.RetransmitTicks+max(c.AckTicks, c.BatchTicks):
		return fmt.Errorf("max retransmit interval (%d ticks) must be at least the initial round-trip allowance plus the longer of the ack delay and the batch interval (%d ticks)",
			c.MaxRetransmitTicks, c.RetransmitTicks+max(c.AckTicks, c.BatchTicks))
	}
	return nil
}

// batchTicks is the batch interval for a cluster of size nodes: BatchTicks
// up to 25 nodes, then a quarter longer for every 100 nodes more. A fan-out
// batch costs one message per peer, so at a fixed interval messages per
// value grow with the cluster; stretching the interval a little holds that
// growth back while adding only a fraction of a hop to the latency
// (25 nodes: 25 ticks; 50: 26; 100: 29).
func batchTicks(batch int64, nodes int) int64 {
	if nodes <= 25 {
		return batch
	}
	return batch + batch*int64(nodes-25)/400
}
