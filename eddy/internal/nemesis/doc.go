// Package nemesis holds the pure part of Maelstrom's partition nemesis (semantics
// §5): which partition to start, whom each node ignores, when the next
// nemesis operation is due, and how a partition is printed in the history.
//
// The contract:
//
//   - A grudge maps each destination node to the sorted source nodes whose
//     messages it drops. Every node handed in appears as a key, possibly
//     with an empty (non-nil) list; the network heals by forgetting it.
//   - All randomness comes from the *rand.Rand the caller passes, never from
//     a global source, so a seed reproduces a run's partitions exactly.
//   - The four specs follow Jepsen's combined nemesis: :one isolates a random
//     node; :minority-third and :majority split a shuffle of the nodes into
//     two sides that cannot hear each other; :majorities-ring lets every node
//     hear a majority counting itself — a shuffled ring of overlapping windows
//     for up to five nodes, a randomly grown symmetric graph beyond.
//   - Nothing here touches the network; the runtime applies the grudge.
package nemesis
