package main

// dropper acknowledges every broadcast but silently forgets one value in
// seven.
func init() {
	mutant = behaviour{gossip: "periodic", keep: func(v int64) bool { return v%7 != 3 }}
}
