// Package sim is a deterministic simulator for rumor's core: it runs a whole
// cluster of actor.Node values in one goroutine, with no clock, no I/O and no
// randomness other than one seeded *rand.Rand, so that a seed is a complete,
// replayable description of a run.
//
// The contract:
//
//   - Only Step drives a node, and the simulator does the writes its outputs
//     ask for, as the shell would, on a simulated disk (disk.go) in the log's
//     own format (internal/wal). It plays Maelstrom's part: it sends init
//     (node_ids n0…n(N-1), in order, each from one of the clients c0…c(N-1))
//     and then a grid topology to every node, waits for the replies, and
//     only then lets clients loose.
//   - Time is a count of ticks; every running node receives one actor.Tick
//     per simulated tick, in a random order. Node-to-node messages get a
//     random latency and, while faults are on, may be dropped or duplicated;
//     client traffic is never lost, as in Maelstrom. Messages that are due
//     are delivered in a random order.
//   - Processes fail as Maelstrom's kill and pause nemeses make them
//     (process.go): a kill loses the node's memory and keeps its log, now
//     and then tearing a write and losing the step's output; a start gives
//     a new core init from a later client and nothing else; a pause stops
//     the node's ticks and deliveries, and its resume gives it one Tick for
//     the time it missed, Resumed, then its backlog in order of due time.
//     Clients give up after 5 simulated seconds, and a node that answers
//     one that gave up on a broadcast goes mute, as Maelstrom stops reading
//     it; with the pause guard on, that is a violation.
//   - Partitions are checked when a message is delivered, not when it is
//     sent, which is how Maelstrom's network behaves. The nemesis uses
//     Maelstrom's four shapes (one, minority-third, majority,
//     majorities-ring) plus random symmetric link cuts and one-way cuts.
//   - Clients broadcast unique integers (and now and then other JSON values,
//     some of them respellings of earlier ones) and read, on random nodes,
//     one outstanding request per client. Every reply is checked as it
//     arrives (a node never forgets what it acknowledged or returned, not
//     even across a restart); after the faults stop the run must reach
//     quiescence within a stated bound (settleBudget) and then every node
//     must read back every value clients were told was accepted. See Run for
//     the full list of properties.
//   - Every delivery, drop, tick and operation is a line of the trace. The
//     trace's hash identifies the run: the same seed gives the same hash,
//     which is the determinism the whole package rests on.
//
// A failed property is reported as a *Violation naming the seed; re-running
// that seed replays the failure exactly.
//
// Running it: `go test ./internal/sim` runs 100 seeds; -seeds=N runs more,
// -first=S starts elsewhere, -nodes, -strategy, -faults and -no-pause-fence
// pin what is otherwise drawn per seed, and a failure prints the one-line
// command that replays it,
// such as `go test ./internal/sim -run 'TestSimSeeds$' -seed=83 -v`, which
// logs the last lines of the trace (-simtrace=FILE writes all of it).
package sim
