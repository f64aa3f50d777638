// Package limit computes the limit of a run: what a perfect broadcast would
// have scored on the same run, by the set-full checker's stable-latency
// rules. The excess is the run's actual stable latency minus the limit, at
// each quantile.
//
// The perfect broadcast: every broadcast value floods from its origin node
// (the node its client sent it to) at its invocation time, along every
// path the network allows. Any node may message any other (the topology is
// advisory), so every ordered pair of nodes is a link. A hop takes Hop, a
// node that holds a value forwards it at once and as often as it likes (no
// processing time, unlimited messages), and a hop lands only if the
// partition in force at its arrival lets it through, since the network
// checks partitions at delivery. Each value's earliest arrival at each node
// is a time-respecting shortest path (Dijkstra over nodes, where a link
// blocked at the arrival time opens at the heal that unblocks it).
//
// Process faults (§12): a node that is down — killed, until the start
// that brings it back (it has answered init by the start's completion);
// paused, until the resume — neither receives nor forwards. A hop that
// would arrive while its destination is down lands when the destination is
// back (and hears the sender then); a node that goes down keeps what it had
// (perfect durability) and forwards it once it is back. A value is at its
// origin from its invocation even if the origin is down then, and leaves
// it when the origin is up. So in general a message sent at s lands at the
// first moment at or after s + Hop at which its destination is up and not
// cut off from the sender.
//
// Scoring: the run's own history is copied and every :ok read's result is
// replaced by the values the perfect broadcast had delivered to the read's
// node by the read's invocation time (arrival at or before it); a read
// invoked while its node was down is answered when the node is back, with
// what has landed by then (the request itself lands then, like any
// message). Set-full
// measures a value's stable latency up to the invocation of the last read
// that missed it, so a read counts at its invocation: with no processing
// time the node answers the moment the request arrives, and client messages
// take no time. Acknowledgements, reads that did not complete :ok and the
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
// iteration); it reads partitions from the history's start-partition
// completions (their Isolated value is the grudge, in force from that
// completion to the completion of the next stop-partition), and process
// faults from the completions of kills, starts, pauses and resumes (their
// Outcomes value: a node is down from the completion that killed or
// paused it to the completion that started or resumed it).
package limit
