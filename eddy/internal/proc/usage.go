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
// ok is false before that, or where the platform does not say.
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
	return u, true
}
