package proc

import "syscall"

// sysProcAttr puts the child in its own process group, so Stop can kill
// anything it spawned too, and asks the kernel to SIGKILL it should eddy die
// without cleaning up (a panic on another goroutine, SIGKILL from outside).
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

// maxRSSBytes converts ru_maxrss, which Linux reports in KiB.
func maxRSSBytes(ru *syscall.Rusage) int64 { return ru.Maxrss * 1024 }
