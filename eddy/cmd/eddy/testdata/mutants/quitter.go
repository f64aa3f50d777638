package main

// quitter exits (status 3) after its fifth client request: a crash that
// Maelstrom reports at teardown.
func init() { mutant = behaviour{gossip: "periodic", exitAfterReqs: 5} }
