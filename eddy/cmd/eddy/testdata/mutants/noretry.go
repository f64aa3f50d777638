package main

// noretry forwards new values once, fire and forget: a partition swallows
// them for good.
func init() { mutant = behaviour{gossip: "once"} }
