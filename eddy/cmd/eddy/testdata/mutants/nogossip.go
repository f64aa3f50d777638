package main

// nogossip keeps each value on the node that received it: on more than one
// node, final reads miss values, so some are lost.
func init() { mutant = behaviour{gossip: "none"} }
