package main

// correct gossips in acknowledged batches and retries until acknowledged:
// valid with or without partitions.
func init() { mutant = behaviour{gossip: "periodic"} }
