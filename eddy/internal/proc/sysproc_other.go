//go:build !linux

package proc

import "syscall"

// sysProcAttr puts the child in its own process group so Stop can kill
// anything it spawned too.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}

// maxRSSBytes converts ru_maxrss; outside Linux eddy does not know the unit
// for sure, and macOS (the likely other platform) reports bytes.
func maxRSSBytes(ru *syscall.Rusage) int64 { return int64(ru.Maxrss) }

// peakRSS is Linux's /proc figure; elsewhere ru_maxrss is all there is.
func peakRSS(int) (int64, bool) { return 0, false }
