package main

// panicker dies before it reads its first line, as a node with a bug in
// its start-up does: eddy must report the exit at once, not an init
// timeout.
func init() { mutant = behaviour{panicAtStart: "mutant panics at start"} }
