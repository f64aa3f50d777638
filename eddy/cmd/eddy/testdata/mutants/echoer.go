package main

// echoer answers broadcast with an extra key, which Maelstrom's closed
// broadcast_ok schema rejects as malformed.
func init() {
	mutant = behaviour{gossip: "periodic", extraBroadOK: map[string]any{"message": "echo"}}
}
