package main

// survivor gossips in acknowledged batches like correct, and keeps every
// value in a file in its working directory (keyed by its node id) before
// acknowledging it: a killed node starts again with everything it had and
// sends it all out again, so kills lose nothing.
func init() { mutant = behaviour{gossip: "periodic", persist: true} }
