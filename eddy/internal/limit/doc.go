// Package limit computes the limit of a run: what a perfect broadcast would
// have scored on the same run, by the set-full checker's stable-latency
// rules. The excess is the run's actual stable latency minus the limit, at
// each quantile.
//
// The perfect broadcast: every broadcast value floods from its origin node
// (the node its client sent it to) from the moment its request landed
// there, along every path the network allows. A request lands after its
// invocation whenever the node's delivery loop was sleeping on a server
// message (head-of-line blocking: up to a hop under a constant latency,
// far longer under an exponential one), and no node can act on a request
// it has not been handed. The landing is the run's own, recorded by the
// network (history.Op.Landed); when it is unknown (the request never
// landed, or the history was read back from a file) the invocation stands
// in for it. Any node may message any other (the topology is
// advisory), so every ordered pair of nodes is a link. A hop takes Hop, a
// node that holds a value forwards it at once and as often as it likes (no
// processing time, unlimited messages), and a hop lands only if the
// partition in force at its arrival lets it through. That is the best case
// of the network's rule (§4.2, §4.3), which checks a partition when the
// destination's delivery loop takes the message off its queue: at its
// arrival when the loop sleeps on earlier messages, at its send when the
// loop is idle. Unlimited messages can keep every loop busy, so the bound
// is within reach, but not of a node with a message budget wherever a cut
// leaves a node hearing from no server. Each value's earliest arrival at
// each node is a time-respecting shortest path (Dijkstra over nodes, where
// a link blocked at the arrival time opens at the heal that unblocks it).
//
// Process faults (§12): a node that is down — killed, until the start
// that brings it back (it has answered init by the start's completion);
// paused, until the resume — neither receives nor forwards. A hop that
// would arrive while its destination is down lands when the destination is
// back (and hears the sender then); a node that goes down keeps what it had
// (perfect durability) and forwards it once it is back. A value is at its
// origin from its landing even if the origin is down then, and leaves it
// when the origin is up. So in general a message sent at s lands at the
// first moment at or after s + Hop at which its destination is up and not
// cut off from the sender.
//
// Scoring: the run's own history is copied and every :ok read's result is
// replaced by the values the perfect broadcast had delivered to the read's
// node by the time the read's request landed there (arrival at or before
// it): with no processing time the node answers the moment the request
// arrives. A read that lands while its node is down is answered when the
// node is back, with what has arrived by then. Set-full still measures a
// value's stable latency up to the invocation of the last read that missed
// it. Acknowledgements, reads that did not complete :ok and the
// broadcasts' times all stay the run's own; a broadcast that failed
// definitely never reached its node and does not flood. The copy is then
// checked by checker.SetFull.
//
// A value's limit can exceed its actual stable latency: set-full measures
// from the first proof that a value exists, and in the perfect broadcast a
// read on the origin node proves it at once, while the run may have
// acknowledged it late. The excess compares the two distributions point by
// point, not value by value.
//
// The contract: Compute is pure and deterministic (no clock, no I/O, sorted
// iteration). It takes the faults from the run's fault timeline (package
// faults), the same one the report draws, under its one rule: a partition
// is in force from its start-partition's completion to the completion of
// the stop-partition that heals it, and a node is down from the completion
// that killed or paused it to the completion that started or resumed it.
// The node a broadcast or read went to is the one its op records. The hop
// is the expected latency of one message (netsim.Latency.Expected).
package limit
