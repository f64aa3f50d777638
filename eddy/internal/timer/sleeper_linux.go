package timer

import (
	"syscall"
	"unsafe"
)

// newSleeper picks the timer goroutine's sleeper: ppoll on an eventfd when
// precise, a Go timer otherwise (or if the eventfd cannot be made).
func newSleeper(precise bool) sleeper {
	if precise {
		fd, _, errno := syscall.RawSyscall(syscall.SYS_EVENTFD2, 0, syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
		if errno == 0 {
			return &pollSleeper{fd: int(fd)}
		}
	}
	return newGoSleeper()
}

// pollSleeper sleeps in ppoll(2), whose timeout has nanosecond resolution
// (the kernel adds its timer slack, 50 µs by default), waiting on an
// eventfd that kick writes to. Go's own timers instead sleep in
// epoll_wait, whose timeout is whole milliseconds.
type pollSleeper struct{ fd int }

type pollFd struct {
	fd      int32
	events  int16
	revents int16
}

const pollIn = 0x1

func (s *pollSleeper) sleep(d int64) {
	fds := [1]pollFd{{fd: int32(s.fd), events: pollIn}}
	ts := syscall.NsecToTimespec(d)
	n, _, _ := syscall.Syscall6(syscall.SYS_PPOLL, uintptr(unsafe.Pointer(&fds[0])), 1, uintptr(unsafe.Pointer(&ts)), 0, 0, 0)
	if int(n) > 0 && fds[0].revents&pollIn != 0 {
		var buf [8]byte
		_, _ = syscall.Read(s.fd, buf[:])
	}
}

func (s *pollSleeper) kick() {
	one := [8]byte{1}
	_, _ = syscall.Write(s.fd, one[:])
}

func (s *pollSleeper) close() { _ = syscall.Close(s.fd) }
