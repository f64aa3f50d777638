// Package nemesis holds the pure part of Maelstrom's nemesis (semantics §5
// and §12): which faults --nemesis enables, which partition to start and
// whom each node ignores, which nodes a kill or a pause acts on, when each
// nemesis operation is due, and how partitions and process-fault outcomes
// are printed in the history.
//
// The contract:
//
//   - A grudge maps each destination node to the sorted source nodes whose
//     messages it drops. Every node handed in appears as a key, possibly
//     with an empty (non-nil) list; the network heals by forgetting it.
//   - All randomness comes from the *rand.Rand the caller passes, never from
//     a global source, so a seed reproduces a run's faults exactly. The
//     schedule takes one stream per concern (partitions, process faults,
//     ties), so a run with partitions alone draws exactly what it drew
//     before process faults existed.
//   - The four partition specs follow Jepsen's combined nemesis: :one
//     isolates a random node; :minority-third and :majority split a shuffle
//     of the nodes into two sides that cannot hear each other;
//     :majorities-ring lets every node hear a majority counting itself — a
//     shuffled ring of overlapping windows for up to five nodes, a randomly
//     grown symmetric graph beyond.
//   - The six process-fault targets are Jepsen's node specs: nil (a random
//     non-empty subset), :one, :minority-third, :minority, :majority, :all.
//   - Schedule is the generator as a state machine: the partition
//     flip-flop and the db generator (a mix of the kill/start and
//     pause/resume flip-flops) each staggered by the interval, side by side
//     on one nemesis thread that carries out one op at a time; Final is the
//     final generator (heal, resume all, start all).
//   - Nothing here touches the network or a process; the runner applies
//     what the schedule hands out.
package nemesis
