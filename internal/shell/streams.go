package shell

import (
	"os"
	"syscall"
)

// Streams returns the process's stdin, stdout and stderr in the form Run
// needs. stdin's Close wakes a blocked Read, so that SIGTERM or Ctrl-C stops
// the node even while no line comes: a descriptor in blocking mode parks
// the reading goroutine in a system call that Close cannot reach, while in
// non-blocking mode the runtime's poller serves it and Close works. An
// inherited pipe is switched over in place; a terminal is opened afresh
// instead, since non-blocking mode belongs to the open file and the one we
// inherit is shared with the user's shell. stdout gets a write deadline
// that wakes a blocked Write for the same reason: if nobody reads a pipe, a
// write blocks for ever, and the node could never stop. Only a pipe is
// switched (what Maelstrom gives a node); a terminal or a file does not
// block for long.
func Streams() (stdin, stdout, stderr *os.File) {
	stdin, stdout, stderr = interruptibleStdin(), interruptibleStdout(), os.Stderr
	if stdout != os.Stdout && sameFile(os.Stdout, os.Stderr) {
		// 2>&1 into a pipe: the descriptors share one open file, now in
		// non-blocking mode, so stderr must go through the poller too or a
		// full pipe would make its writes fail instead of wait.
		stderr = pollable(os.Stderr, "/dev/stderr")
	}
	return stdin, stdout, stderr
}

func interruptibleStdin() *os.File {
	info, err := os.Stdin.Stat()
	if err != nil {
		return os.Stdin
	}
	switch {
	case info.Mode()&os.ModeNamedPipe != 0:
		return pollable(os.Stdin, "/dev/stdin")
	case info.Mode()&os.ModeCharDevice != 0:
		if tty, err := os.Open("/dev/stdin"); err == nil {
			return tty
		}
	}
	return os.Stdin
}

func interruptibleStdout() *os.File {
	if info, err := os.Stdout.Stat(); err == nil && info.Mode()&os.ModeNamedPipe != 0 {
		return pollable(os.Stdout, "/dev/stdout")
	}
	return os.Stdout
}

func sameFile(a, b *os.File) bool {
	ai, errA := a.Stat()
	bi, errB := b.Stat()
	return errA == nil && errB == nil && os.SameFile(ai, bi)
}

// pollable puts f's descriptor in non-blocking mode and returns a new File
// for it, which the runtime's poller then serves.
func pollable(f *os.File, name string) *os.File {
	if err := syscall.SetNonblock(int(f.Fd()), true); err != nil {
		return f
	}
	return os.NewFile(f.Fd(), name)
}
