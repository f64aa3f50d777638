//go:build !linux

package shell

// startTime is not known outside Linux: test keys are pids alone.
func startTime(int) (string, bool) { return "", false }

// processesVisible is false: without /proc, an ended test's logs are left
// for the system's temporary directory clean-up.
func processesVisible() bool { return false }
