package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// binary is rumor itself, built once per test binary (without the race
// detector: these tests look at the product's own memory and exit paths)
// into a directory TestMain removes.
var binary struct {
	once sync.Once
	dir  string
	path string
	err  error
}

func rumorBin(t *testing.T) string {
	t.Helper()
	binary.once.Do(func() {
		binary.path = filepath.Join(binary.dir, "rumor")
		out, err := exec.Command("go", "build", "-o", binary.path, ".").CombinedOutput()
		if err != nil {
			binary.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binary.err != nil {
		t.Fatal(binary.err)
	}
	return binary.path
}

// proc is one rumor process with its stdin and stdout as pipes the test
// holds: stdout is read only when the test asks, so it can be left full.
type proc struct {
	t      *testing.T
	cmd    *exec.Cmd
	stdin  *os.File
	stdout *os.File
	out    *bufio.Reader
	stderr strings.Builder // written by exec's copier until Wait returns
	exited chan error
}

func startProc(t *testing.T, args ...string) *proc {
	t.Helper()
	args = append([]string{"-data-dir", t.TempDir()}, args...) // each test keeps its logs to itself
	return startCmd(t, exec.Command(rumorBin(t), args...))
}

// startCmd starts cmd, which runs rumor, with pipes the test holds.
func startCmd(t *testing.T, cmd *exec.Cmd) *proc {
	t.Helper()
	p := &proc{t: t, cmd: cmd, exited: make(chan error, 1)}
	inR, inW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	p.cmd.Stdin, p.cmd.Stdout, p.cmd.Stderr = inR, outW, &p.stderr
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	inR.Close()
	outW.Close()
	p.stdin, p.stdout, p.out = inW, outR, bufio.NewReader(outR)
	go func() { p.exited <- p.cmd.Wait() }()
	t.Cleanup(func() {
		p.cmd.Process.Kill()
		p.wait(time.Minute)
		p.stdin.Close()
		p.stdout.Close()
	})
	return p
}

func (p *proc) send(line string) {
	p.t.Helper()
	if _, err := io.WriteString(p.stdin, line+"\n"); err != nil {
		p.t.Fatalf("writing to rumor: %v", err)
	}
}

// line reads the next line rumor wrote.
func (p *proc) line() string {
	p.t.Helper()
	s, err := p.out.ReadString('\n')
	if err != nil {
		p.t.Fatalf("reading rumor's stdout: %v (stderr: %s)", err, p.stderr.String())
	}
	return s
}

// reply reads up to the next line rumor wrote to a client, skipping what it
// wrote to its peers (which, here, nobody runs).
func (p *proc) reply() string {
	p.t.Helper()
	for {
		if line := p.line(); strings.Contains(line[:min(len(line), 40)], `"dest":"c`) {
			return line
		}
	}
}

// wait waits for the process to exit, at most limit, and returns how long
// it took and its exit code (-1 if a signal ended it, or it did not end).
func (p *proc) wait(limit time.Duration) (time.Duration, int, bool) {
	start := time.Now()
	timer := time.NewTimer(limit)
	defer timer.Stop()
	select {
	case <-p.exited:
		p.exited <- nil // later waits return at once
		return time.Since(start), p.cmd.ProcessState.ExitCode(), true
	case <-timer.C:
		return limit, -1, false
	}
}

// peakRSS reads the process's peak resident set (VmHWM) in bytes.
func (p *proc) peakRSS() int64 {
	p.t.Helper()
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", p.cmd.Process.Pid))
	if err != nil {
		p.t.Skipf("no /proc: %v", err)
	}
	for line := range strings.Lines(string(status)) {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				p.t.Fatal(err)
			}
			return kb << 10
		}
	}
	p.t.Fatal("no VmHWM in /proc/<pid>/status")
	return 0
}

const initLine = `{"src":"c0","dest":"n0","body":{"type":"init","node_id":"n0","node_ids":["n0","n1"],"msg_id":1}}`

// blockStdout leaves rumor stuck in a write: it answers a read with a reply
// of about a mebibyte, far more than a pipe holds, and the test reads only
// the start of it.
func (p *proc) blockStdout() {
	p.t.Helper()
	p.send(initLine)
	p.reply()
	p.send(`{"src":"c1","dest":"n0","body":{"type":"broadcast","message":"` + strings.Repeat("x", 1<<20) + `","msg_id":2}}`)
	p.reply()
	p.send(`{"src":"c1","dest":"n0","body":{"type":"read","msg_id":3}}`)
	if start, err := p.out.Peek(16); err != nil || string(start) != `{"src":"n0","des` {
		p.t.Fatalf("read_ok does not start: %q %v", start, err)
	}
}

// The shutdown tests give the process far longer than the one second it
// needs, so that a loaded machine cannot fail them; the time it took is
// logged, and the figure that matters is measured outside the tests.
const exitLimit = 10 * time.Second

// TestSignalEndsNodeWithStdoutBlocked: SIGTERM and SIGINT end a node that is
// stuck writing to a stdout nobody reads.
func TestSignalEndsNodeWithStdoutBlocked(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			p := startProc(t)
			p.blockStdout()
			p.cmd.Process.Signal(sig)
			took, code, ok := p.wait(exitLimit)
			if !ok {
				t.Fatalf("still running %v after %v", exitLimit, sig)
			}
			t.Logf("exited %d, %v after %v", code, took, sig)
			if code != 0 {
				t.Errorf("exit code %d, want 0; stderr:\n%s", code, p.stderr.String())
			}
		})
	}
}

// TestStdinEOFEndsNodeWithStdoutBlocked: the end of input ends a node that
// is stuck writing, once a short grace for the last replies has passed.
func TestStdinEOFEndsNodeWithStdoutBlocked(t *testing.T) {
	p := startProc(t)
	p.blockStdout()
	p.stdin.Close()
	took, code, ok := p.wait(exitLimit)
	if !ok {
		t.Fatalf("still running %v after stdin closed", exitLimit)
	}
	t.Logf("exited %d, %v after stdin closed", code, took)
	if !strings.Contains(p.stderr.String(), "stdout is not being read") {
		t.Errorf("stderr does not say why output was dropped:\n%s", p.stderr.String())
	}
}

// TestBrokenStdoutEndsNode: when stdout's reader goes away, the write fails
// with EPIPE and the node ends with exit code 1 and one line on stderr.
func TestBrokenStdoutEndsNode(t *testing.T) {
	p := startProc(t)
	p.send(initLine)
	p.reply()
	p.stdout.Close()
	p.send(`{"src":"c1","dest":"n0","body":{"type":"read","msg_id":2}}`)
	_, code, ok := p.wait(exitLimit)
	if !ok {
		t.Fatalf("still running %v after stdout broke", exitLimit)
	}
	stderr := p.stderr.String()
	if code != 1 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "broken pipe") {
		t.Errorf("exit code %d, stderr %q; want 1 and one line about the broken pipe", code, stderr)
	}
}

// TestHelpExitsZeroAsAProcess: `rumor -h` prints the usage and exits 0, as
// Go's flag package does for a program that exits on error.
func TestHelpExitsZeroAsAProcess(t *testing.T) {
	p := startProc(t, "-h")
	_, code, ok := p.wait(exitLimit)
	if !ok || code != 0 || !strings.Contains(p.stderr.String(), "-strategy") {
		t.Errorf("rumor -h: exit code %d, stderr:\n%s", code, p.stderr.String())
	}
}

// TestPeakMemoryOfALargeLine bounds the peak resident memory a large
// broadcast line costs: at most 8 times the line plus 40 MB. The value is
// under the value limit and padded with spaces up to the line's size, so the
// whole line is read and the value kept.
func TestPeakMemoryOfALargeLine(t *testing.T) {
	for _, size := range []int{10e6, 50e6} {
		t.Run(fmt.Sprint(size/1e6, "MB"), func(t *testing.T) {
			p := startProc(t)
			p.send(initLine)
			p.reply()
			value := `"` + strings.Repeat("<", 8<<20) + `"`
			head := `{"src":"c1","dest":"n0","body":{"type":"broadcast","msg_id":2,"message":` + value
			p.send(head + strings.Repeat(" ", size-len(head)-2) + `}}`)
			if reply := p.reply(); !strings.Contains(reply, "broadcast_ok") {
				t.Fatalf("reply %.200s", reply)
			}
			p.send(`{"src":"c1","dest":"n0","body":{"type":"read","msg_id":3}}`)
			if reply := p.reply(); len(reply) < 8<<20 {
				t.Fatalf("read_ok %.200s", reply)
			}
			peak := p.peakRSS()
			limit := int64(8*size + 40e6)
			t.Logf("%d-byte line: peak RSS %.1f MB (limit %.0f MB)", size, float64(peak)/1e6, float64(limit)/1e6)
			if peak > limit {
				t.Errorf("peak RSS %d bytes, over %d", peak, limit)
			}
		})
	}
}
