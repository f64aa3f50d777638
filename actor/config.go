package actor

import "fmt"

// Strategy decides which peers a value is sent to.
type Strategy int

const (
	// Star routes every value through a hub: a node sends the values its
	// clients broadcast to its hub alone, at once, and the hub batches them
	// out to every other node. The hub is the first node in init order that
	// the node believes reachable (itself included), so when the hub is cut
	// off its clients fail over to the next node, which then relays too.
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
type Config struct {
	Strategy Strategy

	// BatchTicks is the least gap between two gossip batches on a fan-out
	// link. A value that finds the link idle for that long goes out at once;
	// under load values wait and share one message.
	BatchTicks int64

	// RetransmitTicks is how long a batch may go unacknowledged before its
	// values are sent again; it doubles with every retry that makes no
	// progress, up to MaxRetransmitTicks. A link's first retry also waits a
	// fixed share of MaxRetransmitTicks of its own (see linkPhase), so that
	// links cut off together do not all retry together.
	RetransmitTicks    int64
	MaxRetransmitTicks int64

	// FailoverTicks is how long a Star node's hub may leave relayed values
	// unacknowledged before the node fails over to the next hub. A hub acks
	// relayed values within BatchTicks, so this needs to cover that plus a
	// round trip. Zero means RetransmitTicks.
	FailoverTicks int64

	// AckTicks is how long a node may sit on an acknowledgement, hoping to
	// piggyback it on gossip, before it sends an ack message. Hubs answer
	// relayed values within BatchTicks instead, so their clients don't fail
	// over needlessly.
	AckTicks int64

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
		RetransmitTicks:    100,
		MaxRetransmitTicks: 150,
		FailoverTicks:      60,
		AckTicks:           90,
	}
}

// Validate reports settings the protocol cannot work with.
func (c Config) Validate() error {
	switch {
	case c.BatchTicks < 0:
		return fmt.Errorf("batch interval must not be negative")
	case c.RetransmitTicks < 1:
		return fmt.Errorf("retransmit interval must be at least one tick")
	case c.MaxRetransmitTicks < c.RetransmitTicks:
		return fmt.Errorf("max retransmit interval must be at least the retransmit interval")
	case c.FailoverTicks < 0:
		return fmt.Errorf("failover interval must not be negative")
	case c.AckTicks < 0 || c.AckTicks >= c.RetransmitTicks:
		return fmt.Errorf("ack delay must be between zero and the retransmit interval")
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

// failoverTicks is FailoverTicks with its default applied.
func (c Config) failoverTicks() int64 {
	if c.FailoverTicks == 0 {
		return c.RetransmitTicks
	}
	return c.FailoverTicks
}
