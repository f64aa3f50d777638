package proc

import (
	"syscall"
	"time"
)

// Usage is what a node process consumed over its life, as the kernel
// reported it when the process was reaped.
type Usage struct {
	CPU     time.Duration // user plus system time
	PeakRSS int64         // bytes; the high-water mark of resident memory
}

// Usage reports the node's resource use once it has exited (after Stop);
// ok is false before that, or where the platform does not say. The peak
// RSS is the process's own high-water mark, read just before Stop killed
// it; for a process that exited on its own (or where /proc is missing) it
// is the kernel's ru_maxrss, which may include eddy's own memory at launch.
func (n *Node) Usage() (u Usage, ok bool) {
	if !n.Exited() || n.cmd.ProcessState == nil {
		return Usage{}, false
	}
	ru, ok := n.cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return Usage{}, false
	}
	u.CPU = n.cmd.ProcessState.UserTime() + n.cmd.ProcessState.SystemTime()
	u.PeakRSS = maxRSSBytes(ru)
	if n.peakRSS > 0 {
		// Read from /proc just before the kill: see peakRSS.
		u.PeakRSS = n.peakRSS
	}
	return u, true
}
