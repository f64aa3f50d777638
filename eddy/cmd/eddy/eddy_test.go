package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// eddyRun is one finished run of the eddy binary.
type eddyRun struct {
	code   int
	output string
	cwd    string // eddy's working directory; the store is under it
}

func (r eddyRun) file(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(r.cwd, "store", "latest", name))
	if err != nil {
		t.Fatalf("reading %s: %v\n%s", name, err, r.tail())
	}
	return string(b)
}

// tail is the end of the console output, for failure messages.
func (r eddyRun) tail() string {
	if len(r.output) > 3000 {
		return "…" + r.output[len(r.output)-3000:]
	}
	return r.output
}

// runEddy runs eddy test -w broadcast with the given arguments in a fresh
// working directory and waits for it (at most two minutes).
func runEddy(t *testing.T, args ...string) eddyRun {
	t.Helper()
	return runEddyWith(t, nil, args...)
}

// runEddyWith is runEddy with extra environment variables for eddy (and
// so for its nodes).
func runEddyWith(t *testing.T, env []string, args ...string) eddyRun {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cwd := t.TempDir()
	cmd := exec.CommandContext(ctx, eddyBin(t), append([]string{"test", "-w", "broadcast"}, args...)...)
	cmd.Dir = cwd
	if env != nil {
		cmd.Env = append(os.Environ(), env...)
	}
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	code := 0
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("running eddy: %v", err)
	}
	return eddyRun{code: code, output: string(out), cwd: cwd}
}

// quick are the flags every mutant run shares: short, but long enough for
// every kind of op and (with the nemesis) several partitions.
var quick = []string{"--time-limit", "4", "--rate", "20", "--recovery-wait", "1"}

func withQuick(args ...string) []string { return append(append([]string(nil), quick...), args...) }

func TestCorrectNodeIsValid(t *testing.T) {
	t.Parallel()
	r := runEddy(t, withQuick("--bin", mutantBin(t, "correct"), "--node-count", "5",
		"--nemesis", "partition", "--nemesis-interval", "1", "--recovery-wait", "2", "--seed", "11")...)
	if r.code != 0 || !strings.Contains(r.output, "Everything looks good!") {
		t.Fatalf("exit %d, want 0 and a valid verdict:\n%s", r.code, r.tail())
	}
	for _, name := range []string{"results.edn", "results.json", "history.txt", "history.edn", "jepsen.log", "net-journal.jsonl", "lag.json", "node-logs/n0.log",
		"latency-raw.png", "latency-quantiles.png", "rate.png", "propagation.png", "messages.svg", "index.html"} {
		r.file(t, name)
	}
	if hist := r.file(t, "history.txt"); !strings.Contains(hist, ":nemesis\t:info\t:start-partition") {
		t.Errorf("history has no partitions:\n%s", hist)
	}
}

func TestNodeThatNeverGossipsLosesValues(t *testing.T) {
	t.Parallel()
	r := runEddy(t, withQuick("--bin", mutantBin(t, "nogossip"), "--node-count", "3", "--seed", "1")...)
	if r.code != 1 || !strings.Contains(r.output, "Analysis invalid!") {
		t.Fatalf("exit %d, want 1 (invalid):\n%s", r.code, r.tail())
	}
	if strings.Contains(r.file(t, "results.edn"), ":lost-count 0,") {
		t.Error("no value was reported lost")
	}
}

func TestFireAndForgetGossipLosesValuesUnderPartitions(t *testing.T) {
	t.Parallel()
	r := runEddy(t, withQuick("--bin", mutantBin(t, "noretry"), "--node-count", "5",
		"--nemesis", "partition", "--nemesis-interval", "1", "--seed", "5")...)
	if r.code != 1 {
		t.Fatalf("exit %d, want 1 (invalid):\n%s", r.code, r.tail())
	}
	if strings.Contains(r.file(t, "results.edn"), ":lost-count 0,") {
		t.Error("no value was reported lost")
	}
}

func TestSilentlyDroppedValuesAreLost(t *testing.T) {
	t.Parallel()
	r := runEddy(t, withQuick("--bin", mutantBin(t, "dropper"), "--node-count", "2", "--seed", "2")...)
	if r.code != 1 {
		t.Fatalf("exit %d, want 1 (invalid):\n%s", r.code, r.tail())
	}
	results := r.file(t, "results.edn")
	if !strings.Contains(results, ":lost (3") {
		t.Errorf("value 3 (dropped by the node) not first in :lost:\n%s", results)
	}
}

func TestExtraKeyInBroadcastOkIsMalformed(t *testing.T) {
	t.Parallel()
	r := runEddy(t, withQuick("--bin", mutantBin(t, "echoer"), "--node-count", "1", "--seed", "3")...)
	hist := r.file(t, "history.txt")
	if !strings.Contains(hist, ":info\t:broadcast\t0\t\"indeterminate: Malformed RPC response.") {
		t.Errorf("broadcast 0 not recorded as an indeterminate :info:\n%s", firstLines(hist, 10))
	}
	if !strings.Contains(r.file(t, "history.edn"), ":exception ") {
		t.Error("history.edn records no exception")
	}
	if !strings.Contains(r.file(t, "results.edn"), ":exceptions ({:count") {
		t.Error("results list no exceptions")
	}
	// Every broadcast ends :info, so :stats finds no :ok broadcast: invalid.
	if r.code != 1 {
		t.Errorf("exit %d, want 1:\n%s", r.code, r.tail())
	}
	// After each :info the worker gets process +1 (C = 1) and a new client.
	if !strings.Contains(hist, "\n1\t:invoke\t") {
		t.Errorf("worker kept process 0 after an :info:\n%s", firstLines(hist, 10))
	}
}

func TestNodeThatExitsEarlyCrashesTheTest(t *testing.T) {
	t.Parallel()
	r := runEddy(t, withQuick("--bin", mutantBin(t, "quitter"), "--node-count", "2", "--seed", "4")...)
	if r.code != 255 {
		t.Fatalf("exit %d, want 255:\n%s", r.code, r.tail())
	}
	if !strings.Contains(r.output, "crashed with exit status 3") || !strings.Contains(r.output, "quitting on purpose") {
		t.Errorf("no crash report with the node's stderr:\n%s", r.tail())
	}
	if strings.Contains(r.output, "Analyzing...") {
		t.Error("a crashed test was analysed")
	}
}

func TestMalformedTopologyOkCrashesTheTest(t *testing.T) {
	t.Parallel()
	r := runEddy(t, withQuick("--bin", mutantBin(t, "badtopo"), "--node-count", "2")...)
	if r.code != 255 || !strings.Contains(r.output, "topology failed") {
		t.Fatalf("exit %d, want 255 after a topology failure:\n%s", r.code, r.tail())
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

// readPIDs lists the pids the nodes wrote into dir at start-up.
func readPIDs(t *testing.T, dir string) []int {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var pids []int
	for _, e := range entries {
		if pid, err := strconv.Atoi(e.Name()); err == nil {
			pids = append(pids, pid)
		}
	}
	return pids
}

func assertAllGone(t *testing.T, pids []int, want int) {
	t.Helper()
	if len(pids) != want {
		t.Fatalf("%d nodes recorded a pid, want %d", len(pids), want)
	}
	assertGone(t, pids)
}

// assertGone checks that every pid has ended now that eddy has.
func assertGone(t *testing.T, pids []int) {
	t.Helper()
	for _, pid := range pids {
		// eddy has exited; a node it left behind would still be running.
		if !waitGone(pid, 2*time.Second) {
			t.Errorf("node pid %d survived eddy", pid)
		}
	}
}

func TestNoNodeSurvivesANormalEnd(t *testing.T) {
	t.Parallel()
	pidDir := t.TempDir()
	r := runEddy(t, withQuick("--bin", mutantBin(t, "correct"), "--node-count", "3", "--time-limit", "1", "--", "--pid-dir", pidDir)...)
	if r.code != 0 {
		t.Fatalf("exit %d:\n%s", r.code, r.tail())
	}
	if !strings.Contains(r.output, `launching `+mutantBin(t, "correct")+` ["--pid-dir" "`+pidDir+`"]`) {
		t.Errorf("node arguments not passed through or not logged:\n%s", firstLines(r.output, 20))
	}
	assertAllGone(t, readPIDs(t, pidDir), 3)
}

func TestNoNodeSurvivesAHarnessError(t *testing.T) {
	t.Parallel()
	pidDir := t.TempDir()
	r := runEddy(t, "--bin", mutantBin(t, "badtopo"), "--node-count", "3", "--", "--pid-dir", pidDir)
	if r.code != 255 {
		t.Fatalf("exit %d:\n%s", r.code, r.tail())
	}
	assertAllGone(t, readPIDs(t, pidDir), 3)
}

func TestNoNodeSurvivesAnInterrupt(t *testing.T) {
	t.Parallel()
	for _, sig := range []os.Signal{os.Interrupt, os.Signal(sigterm)} {
		t.Run(sig.String(), func(t *testing.T) {
			// Once the workload runs, every node is up and has written
			// its pid.
			interruptOnce(t, sig, func(line string) bool { return strings.Contains(line, "Run starting") },
				"--time-limit", "600")
		})
	}
}

// interruptOnce starts eddy on three nodes of the correct mutant with args
// and pid files in a fresh directory, reads its log until ready says a
// line is the moment, then sends sig: eddy must exit 130 and leave none of
// the three running.
func interruptOnce(t *testing.T, sig os.Signal, ready func(line string) bool, args ...string) {
	t.Helper()
	pidDir := t.TempDir()
	cmd := exec.Command(eddyBin(t), append(append([]string{"test", "-w", "broadcast", "--bin", mutantBin(t, "correct"), "--node-count", "3"}, args...),
		"--", "--pid-dir", pidDir)...)
	cmd.Dir = t.TempDir()
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(stdout)
	reached := false
	var seen strings.Builder
	for !reached && lines.Scan() {
		seen.WriteString(lines.Text() + "\n")
		reached = ready(lines.Text())
	}
	if !reached {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("eddy never got to the moment to interrupt it:\n%s%s", seen.String(), stderr.String())
	}
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	for lines.Scan() {
		seen.WriteString(lines.Text() + "\n")
	}
	err = cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 130 {
		t.Errorf("eddy ended with %v, want exit 130:\n%s", err, seen.String())
	}
	assertAllGone(t, readPIDs(t, pidDir), 3)
}
