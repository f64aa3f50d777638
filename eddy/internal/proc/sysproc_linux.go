package proc

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// sysProcAttr puts the child in its own process group, so Stop can kill
// anything it spawned too, and asks the kernel to SIGKILL it should eddy die
// without cleaning up (a panic on another goroutine, SIGKILL from outside).
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

// maxRSSBytes converts ru_maxrss, which Linux reports in KiB.
func maxRSSBytes(ru *syscall.Rusage) int64 { return ru.Maxrss * 1024 }

// peakRSS reads a live process's resident high-water mark (VmHWM) from
// /proc. It is the figure to trust: ru_maxrss, which the kernel reports at
// reaping, also counts the memory eddy itself had when it forked the node,
// because Go starts children with a vfork-style clone whose exec records
// the parent's high-water mark as the child's (a node launched late in a
// run, after a kill, would report eddy's size). ok is false when /proc
// cannot say.
func peakRSS(pid int) (bytes int64, ok bool) {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	lines := bufio.NewScanner(f)
	for lines.Scan() {
		rest, found := strings.CutPrefix(lines.Text(), "VmHWM:")
		if !found {
			continue
		}
		kib, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
		return kib * 1024, err == nil
	}
	return 0, false
}
