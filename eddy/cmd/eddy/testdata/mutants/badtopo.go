package main

// badtopo answers topology with an extra key: a malformed topology_ok, which
// makes the whole test crash before the workload starts.
func init() {
	mutant = behaviour{gossip: "periodic", extraTopoOK: map[string]any{"ok": true}}
}
