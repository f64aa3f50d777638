package proc

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Spec describes a node process to launch.
type Spec struct {
	ID      string
	Bin     string   // path to the binary; launched by its canonical path
	Args    []string // passed after the binary
	Dir     string   // working directory (Maelstrom uses java.io.tmpdir)
	LogPath string   // stderr lines are appended here

	// OnStdout handles one stdout line; the slice is only valid during the
	// call. Returning an error stops stdout reading for good after OnError
	// has been told, once.
	OnStdout func(line []byte) error
	OnError  func(err error)
	// OnStderr, if set, sees each stderr line (for --log-stderr).
	OnStderr func(line string)
}

// KillWait is how long Stop waits for a killed node to go (Maelstrom's 5 s).
const KillWait = 5 * time.Second

// Node is a running node process.
type Node struct {
	spec  Spec
	cmd   *exec.Cmd
	stdin *os.File

	stdout, stderr *os.File // our read ends
	log            *os.File

	outTail, errTail tail

	exited     chan struct{} // closed once Wait returned
	exitStatus int
	peakRSS    int64         // bytes, read from /proc just before Stop's kill; 0 if unknown
	stderrEOF  chan struct{} // closed once stderr reading ended

	readers  sync.WaitGroup
	stopOnce sync.Once
}

// CanonicalPath resolves bin the way Java's getCanonicalPath does: absolute,
// cleaned, symlinks followed.
func CanonicalPath(bin string) (string, error) {
	abs, err := filepath.Abs(bin)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// Start launches the node and its reader goroutines.
func Start(spec Spec) (*Node, error) {
	bin, err := CanonicalPath(spec.Bin)
	if err != nil {
		return nil, fmt.Errorf("node %s: %w", spec.ID, err)
	}
	if err := os.MkdirAll(filepath.Dir(spec.LogPath), 0o755); err != nil {
		return nil, err
	}
	logFile, err := os.Create(spec.LogPath)
	if err != nil {
		return nil, err
	}
	n := &Node{spec: spec, log: logFile, exited: make(chan struct{}), stderrEOF: make(chan struct{})}
	var childEnds []*os.File
	closeAll := func() {
		for _, f := range childEnds {
			f.Close()
		}
		for _, f := range []*os.File{n.stdin, n.stdout, n.stderr, n.log} {
			if f != nil {
				f.Close()
			}
		}
	}
	pipe := func(parentWrites bool) (parent *os.File, child *os.File, err error) {
		r, w, err := os.Pipe()
		if err != nil {
			return nil, nil, err
		}
		if parentWrites {
			childEnds = append(childEnds, r)
			return w, r, nil
		}
		childEnds = append(childEnds, w)
		return r, w, nil
	}
	var inChild, outChild, errChild *os.File
	if n.stdin, inChild, err = pipe(true); err == nil {
		if n.stdout, outChild, err = pipe(false); err == nil {
			n.stderr, errChild, err = pipe(false)
		}
	}
	if err != nil {
		closeAll()
		return nil, err
	}
	cmd := exec.Command(bin, spec.Args...)
	cmd.Dir = spec.Dir
	cmd.Stdin, cmd.Stdout, cmd.Stderr = inChild, outChild, errChild
	cmd.SysProcAttr = sysProcAttr()
	if err := cmd.Start(); err != nil {
		closeAll()
		return nil, fmt.Errorf("node %s: %w", spec.ID, err)
	}
	// The child holds its own copies now; ours must go so that EOF means
	// the node (and anything it spawned) closed the stream.
	for _, f := range childEnds {
		f.Close()
	}
	n.cmd = cmd
	go n.wait()
	n.readers.Add(2)
	go n.readStdout()
	go n.readStderr()
	return n, nil
}

// ID is the node's id.
func (n *Node) ID() string { return n.spec.ID }

// PID is the node's process id (also its process group id).
func (n *Node) PID() int { return n.cmd.Process.Pid }

// Stdin is where the network writes the node's messages.
func (n *Node) Stdin() *os.File { return n.stdin }

func (n *Node) wait() {
	err := n.cmd.Wait()
	n.exitStatus = exitStatus(n.cmd.ProcessState, err)
	close(n.exited)
}

// exitStatus reports what Java's Process.exitValue would: the exit code, or
// 128 + the signal number for a node killed by a signal.
func exitStatus(state *os.ProcessState, err error) int {
	if state == nil {
		if err != nil {
			return -1
		}
		return 0
	}
	if ws, ok := state.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return 128 + int(ws.Signal())
	}
	return state.ExitCode()
}

func (n *Node) readStdout() {
	defer n.readers.Done()
	lines := newLineReader(n.stdout)
	for {
		line, err := lines.next()
		if err != nil {
			return
		}
		if err := n.spec.OnStdout(line); err != nil {
			n.outTail.add(string(line))
			if n.spec.OnError != nil {
				n.spec.OnError(err)
			}
			// Maelstrom's stdout thread stops reading after its first
			// error; so do we, leaving the pipe undrained.
			return
		}
		n.outTail.add(string(line))
	}
}

func (n *Node) readStderr() {
	defer n.readers.Done()
	defer close(n.stderrEOF)
	lines := newLineReader(n.stderr)
	for {
		line, err := lines.next()
		if err != nil {
			return
		}
		s := string(line)
		n.errTail.add(s)
		// One write per line, so the log is complete even if eddy dies.
		_, _ = n.log.WriteString(s + "\n")
		if n.spec.OnStderr != nil {
			n.spec.OnStderr(s)
		}
	}
}

// Exited reports whether the process has already ended.
func (n *Node) Exited() bool {
	select {
	case <-n.exited:
		return true
	default:
		return false
	}
}

// Done is closed once the process has ended.
func (n *Node) Done() <-chan struct{} { return n.exited }

// ExitError reports a node that ended while eddy still needed it (during
// init): its exit status and the last lines of its stderr.
type ExitError struct {
	ID         string
	ExitStatus int
	Stderr     []string // the last lines, oldest first
	LogPath    string
}

// exitTailLines is how much stderr an ExitError shows: enough for a Go
// panic's message and first frames, or a usage message.
const exitTailLines = 12

func (e *ExitError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "node %s exited with status %d before it answered init", e.ID, e.ExitStatus)
	if len(e.Stderr) == 0 {
		b.WriteString("; it wrote nothing to stderr")
	} else {
		b.WriteString("; the last lines of its stderr:")
		for _, l := range e.Stderr {
			b.WriteString("\n    " + l)
		}
	}
	fmt.Fprintf(&b, "\nFull stderr log: %s", e.LogPath)
	return b.String()
}

// Exit describes a node that has ended (see Done) as an *ExitError. It
// waits for the stderr reader to reach the end of the pipe, at most
// straggler, so the lines the node wrote just before dying are in.
func (n *Node) Exit() *ExitError {
	<-n.exited
	select {
	case <-n.stderrEOF:
	case <-time.After(straggler):
		// A descendant holds stderr open; report what has arrived.
	}
	lines := n.errTail.snapshot()
	if len(lines) > exitTailLines {
		lines = lines[len(lines)-exitTailLines:]
	}
	return &ExitError{ID: n.spec.ID, ExitStatus: n.exitStatus, Stderr: lines, LogPath: n.spec.LogPath}
}

// CrashError is Maelstrom's node-crashed error: the node had exited before
// teardown.
type CrashError struct {
	ID         string
	ExitStatus int
	Stdout     []string
	Stderr     []string
	LogPath    string
}

func (e *CrashError) Error() string {
	return fmt.Sprintf("Node %s crashed with exit status %d. Before crashing, it wrote to STDOUT:\n\n%s\n\nAnd to STDERR:\n\n%s\n\nFull STDERR logs are available in %s",
		e.ID, e.ExitStatus, strings.Join(e.Stdout, "\n"), strings.Join(e.Stderr, "\n"), e.LogPath)
}

// ErrKillTimeout means a node was still running KillWait after SIGKILL.
var ErrKillTimeout = errors.New("node did not die within 5 s of SIGKILL")

// Stop ends the node: a *CrashError if it had already exited, otherwise it
// is SIGKILLed (its whole process group) and waited for. Stdin is closed
// only after the kill, as Maelstrom does. Stop is idempotent; only the first
// call's result means anything.
func (n *Node) Stop() error {
	var result error
	n.stopOnce.Do(func() { result = n.stop() })
	return result
}

func (n *Node) stop() error {
	crashed := n.Exited()
	var err error
	if !crashed {
		if b, ok := peakRSS(n.PID()); ok {
			n.peakRSS = b
		}
		n.Kill()
		select {
		case <-n.exited:
		case <-time.After(KillWait):
			err = fmt.Errorf("node %s (pid %d): %w", n.spec.ID, n.PID(), ErrKillTimeout)
		}
	}
	n.stdin.Close()
	done := make(chan struct{})
	go func() { n.readers.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(straggler):
		// Something the node spawned still holds its pipes. While any
		// member of the group lives, the group id cannot be reused, so
		// killing the group now reaches only the node's own descendants.
		n.killGroup()
		select {
		case <-done:
		case <-time.After(KillWait):
			// Closing our read ends unblocks the readers regardless.
			n.stdout.Close()
			n.stderr.Close()
			<-done
		}
	}
	n.stdout.Close()
	n.stderr.Close()
	n.log.Close()
	if crashed {
		return &CrashError{
			ID: n.spec.ID, ExitStatus: n.exitStatus,
			Stdout: n.outTail.snapshot(), Stderr: n.errTail.snapshot(),
			LogPath: n.spec.LogPath,
		}
	}
	return err
}

// straggler is how long Stop lets the pipes drain after the node died before
// it assumes a descendant is holding them open.
const straggler = 200 * time.Millisecond

// Kill sends SIGKILL to the node's process group without waiting, unless the
// node is already known to have exited (its pid may then be reused). It is
// safe to call from an interrupt path and more than once.
func (n *Node) Kill() {
	if !n.Exited() {
		n.killGroup()
	}
}

// Pause stops the node's process group with SIGSTOP (§12.7), unless the
// node has exited. A stopped node reads nothing and writes nothing; its
// pipes keep what was written to them. Stop and Kill work on a stopped node
// as on a running one: SIGKILL ends a stopped process too.
func (n *Node) Pause() { n.signalGroup(syscall.SIGSTOP) }

// Resume lets a stopped node's process group run again with SIGCONT. It is
// harmless on a node that runs.
func (n *Node) Resume() { n.signalGroup(syscall.SIGCONT) }

func (n *Node) signalGroup(sig syscall.Signal) {
	if !n.Exited() {
		_ = syscall.Kill(-n.cmd.Process.Pid, sig)
	}
}

func (n *Node) killGroup() {
	pid := n.cmd.Process.Pid
	// A negative pid addresses the process group. ESRCH (already gone) is
	// fine; fall back to the process itself if the group is unknown.
	if err := syscall.Kill(-pid, syscall.SIGKILL); err != nil {
		_ = n.cmd.Process.Kill()
	}
}
