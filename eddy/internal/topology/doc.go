// Package topology builds the neighbour maps Maelstrom's broadcast workload
// sends in its topology message (semantics §2.3).
//
// The contract: Build(name, nodes) returns, for the ordered node list, the
// same map Maelstrom computes for --topology name — same neighbours, in the
// same order within each list, and the same set of keys (line with fewer
// than two nodes is the empty map; every other topology has an entry for
// every node). Neighbour lists are never nil, so they encode as [] in JSON.
// The package is pure: no randomness, no I/O.
package topology
