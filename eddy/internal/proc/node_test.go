package proc

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// startHelper launches the test binary as a node in the given helper mode.
func startHelper(t *testing.T, mode string, onStdout func([]byte) error, onError func(error)) *Node {
	t.Helper()
	t.Setenv(helperEnv, mode)
	n, err := Start(Spec{
		ID: "n0", Bin: os.Args[0], Dir: os.TempDir(),
		LogPath:  filepath.Join(t.TempDir(), "node-logs", "n0.log"),
		OnStdout: onStdout, OnError: onError,
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestFirstRejectedLineStopsStdoutReading(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	errs := make(chan error, 10)
	n := startHelper(t, "reject-second", func(line []byte) error {
		mu.Lock()
		seen = append(seen, string(line))
		mu.Unlock()
		if string(line) == "bad" {
			return errors.New("rejected")
		}
		return nil
	}, func(err error) { errs <- err })
	<-errs
	if err := n.Stop(); err != nil {
		t.Fatalf("stop: %v", err)
	}
	if len(errs) != 0 {
		t.Errorf("OnError called more than once")
	}
	mu.Lock()
	defer mu.Unlock()
	if !slices.Equal(seen, []string{"ok1", "bad"}) {
		t.Errorf("handler saw %q, want [ok1 bad] (nothing after the rejected line)", seen)
	}
	if !waitGone(n.PID(), time.Second) {
		t.Error("node still running after Stop")
	}
}

func TestAnExitedNodeIsReportedAsACrash(t *testing.T) {
	n := startHelper(t, "crash", func([]byte) error { return nil }, nil)
	<-n.exited
	err := n.Stop()
	var crash *CrashError
	if !errors.As(err, &crash) {
		t.Fatalf("stop after exit: %v, want a CrashError", err)
	}
	if crash.ExitStatus != 3 || !slices.Equal(crash.Stdout, []string{"last words"}) || !slices.Equal(crash.Stderr, []string{"oops"}) {
		t.Errorf("crash report %+v", crash)
	}
	if !strings.HasPrefix(err.Error(), "Node n0 crashed with exit status 3") {
		t.Errorf("message %q", err.Error())
	}
	log, readErr := os.ReadFile(crash.LogPath)
	if readErr != nil || string(log) != "oops\n" {
		t.Errorf("node log %q (%v), want the stderr line", log, readErr)
	}
}

func TestStopKillsTheWholeProcessGroup(t *testing.T) {
	pids := make(chan int, 1)
	n := startHelper(t, "spawn", func(line []byte) error {
		pid, err := strconv.Atoi(string(line))
		if err == nil {
			pids <- pid
		}
		return err
	}, nil)
	grandchild := <-pids
	if err := n.Stop(); err != nil {
		t.Fatalf("stop: %v", err)
	}
	if !waitGone(n.PID(), time.Second) {
		t.Error("node survived Stop")
	}
	if !waitGone(grandchild, 5*time.Second) {
		t.Errorf("the node's child (pid %d) survived Stop", grandchild)
	}
}

func TestKilledNodeReportsSignalExitStatus(t *testing.T) {
	n := startHelper(t, "block", func([]byte) error { return nil }, nil)
	n.Kill()
	<-n.exited
	if n.exitStatus != 128+9 {
		t.Errorf("exit status %d, want 137 (128 + SIGKILL) as Java reports it", n.exitStatus)
	}
	var crash *CrashError
	if err := n.Stop(); !errors.As(err, &crash) {
		t.Errorf("stop after an outside kill: %v, want a crash report", err)
	}
}

func TestAPausedNodeReadsNothingUntilItIsResumed(t *testing.T) {
	lines := make(chan string, 10)
	n := startHelper(t, "echo", func(line []byte) error { lines <- string(line); return nil }, nil)
	defer n.Stop()
	if _, err := n.Stdin().WriteString("before\n"); err != nil {
		t.Fatal(err)
	}
	if got := <-lines; got != "before" {
		t.Fatalf("echo %q", got)
	}
	n.Pause()
	waitStopped(t, n.cmd.Process.Pid)
	if _, err := n.Stdin().WriteString("during\n"); err != nil {
		t.Fatal(err)
	}
	select {
	case got := <-lines:
		t.Fatalf("a paused node echoed %q", got)
	case <-time.After(300 * time.Millisecond):
	}
	n.Resume()
	select {
	case got := <-lines:
		if got != "during" {
			t.Errorf("after the resume the node echoed %q, want what queued in its pipe", got)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the resumed node never read what queued")
	}
	n.Resume() // harmless on a running node
}

func TestStopEndsAPausedNodeAsAKill(t *testing.T) {
	n := startHelper(t, "block", func([]byte) error { return nil }, nil)
	n.Pause()
	began := time.Now()
	if err := n.Stop(); err != nil {
		t.Fatalf("stopping a paused node: %v", err)
	}
	if took := time.Since(began); took > 2*time.Second {
		t.Errorf("Stop took %v on a paused node", took)
	}
	if !waitGone(n.PID(), time.Second) {
		t.Error("the paused node survived Stop")
	}
	n.Pause() // a no-op once the node has exited
	n.Resume()
}

func TestARestartedNodeAppendsToItsLog(t *testing.T) {
	t.Setenv(helperEnv, "crash")
	logPath := filepath.Join(t.TempDir(), "node-logs", "n0.log")
	for range 2 {
		n, err := Start(Spec{ID: "n0", Bin: os.Args[0], Dir: os.TempDir(), LogPath: logPath, OnStdout: func([]byte) error { return nil }})
		if err != nil {
			t.Fatal(err)
		}
		<-n.exited
		_ = n.Stop()
	}
	if log, err := os.ReadFile(logPath); err != nil || string(log) != "oops\noops\n" {
		t.Errorf("node log %q (%v), want both processes' stderr", log, err)
	}
}

// waitStopped waits until the kernel has stopped pid (state T in
// /proc/<pid>/stat), where /proc can say. SIGSTOP takes effect
// asynchronously: on a loaded machine a node may still read a line written
// just after Pause returns.
func waitStopped(t *testing.T, pid int) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		raw, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
		if err != nil {
			return // no /proc to ask
		}
		// The state follows the command name, which is in parentheses.
		if i := bytes.LastIndexByte(raw, ')'); i >= 0 && i+2 < len(raw) && raw[i+2] == 'T' {
			return
		}
	}
	t.Fatalf("pid %d did not stop within 5 s of SIGSTOP", pid)
}
