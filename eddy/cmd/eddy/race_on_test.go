//go:build race

package main

// raceEnabled builds eddy with the race detector when the tests run with it,
// so end-to-end runs check the runner's goroutines too.
const raceEnabled = true
