package main

import (
	"errors"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

const sigterm = syscall.SIGTERM

// waitGone blocks until process pid has terminated or timeout passes, and
// reports whether it terminated. It waits on a pidfd, which becomes readable
// when the process exits; there is no polling loop. A pid that no longer
// exists counts as gone.
func waitGone(pid int, timeout time.Duration) bool {
	fd, err := unix.PidfdOpen(pid, 0)
	if errors.Is(err, unix.ESRCH) {
		return true
	}
	if err != nil {
		return false
	}
	defer unix.Close(fd)
	fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
	deadline := time.Now().Add(timeout)
	for {
		left := time.Until(deadline)
		if left <= 0 {
			return false
		}
		n, err := unix.Poll(fds, int(left.Milliseconds())+1)
		if errors.Is(err, unix.EINTR) {
			continue
		}
		return err == nil && n > 0
	}
}
