//go:build !linux

package timer

// newSleeper is a Go timer on platforms without a precise sleeper.
func newSleeper(bool) sleeper { return newGoSleeper() }
