package main

import (
	"encoding/json"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// op is one line of history.txt.
type op struct {
	process  string // a number, or ":nemesis"
	typ, f   string // ":invoke", ":ok", …; ":broadcast", ":kill", …
	value    string
	errorTxt string
}

func historyOps(t *testing.T, r eddyRun) []op {
	t.Helper()
	var ops []op
	for _, line := range strings.Split(strings.TrimSpace(r.file(t, "history.txt")), "\n") {
		f := strings.Split(line, "\t")
		o := op{process: f[0], typ: f[1], f: f[2], value: f[3]}
		if len(f) > 4 {
			o.errorTxt = f[4]
		}
		ops = append(ops, o)
	}
	return ops
}

// worker is the worker a client process belongs to, given the
// concurrency; -1 for the nemesis.
func (o op) worker(concurrency int) int {
	p, err := strconv.Atoi(o.process)
	if err != nil {
		return -1
	}
	return p % concurrency
}

// nemesisOutcome says whether a nemesis completion reports node with
// outcome (e.g. "n0", ":killed").
func (o op) nemesisOutcome(node, outcome string) bool {
	return o.process == ":nemesis" && strings.Contains(o.value, strconv.Quote(node)+" "+outcome)
}

type faultsFile struct {
	Kills, Pauses, Restarts int
	Mute                    []string
}

func readFaults(t *testing.T, r eddyRun) faultsFile {
	t.Helper()
	var f faultsFile
	if err := json.Unmarshal([]byte(r.file(t, "faults.json")), &f); err != nil {
		t.Fatal(err)
	}
	return f
}

func lostValues(t *testing.T, r eddyRun) []int64 {
	t.Helper()
	var res struct {
		Workload struct{ Lost []int64 } `json:"workload"`
	}
	if err := json.Unmarshal([]byte(r.file(t, "results.json")), &res); err != nil {
		t.Fatal(err)
	}
	return res.Workload.Lost
}

// On one node every op goes to n0 and the final read is the last read of
// all, so what a kill loses is exact: every value acknowledged before the
// node's last kill, and nothing acknowledged after it.
func TestAKillLosesWhatANodeKeptInMemory(t *testing.T) {
	t.Parallel()
	r := runEddy(t, "--bin", mutantBin(t, "correct"), "--node-count", "1", "--concurrency", "10",
		"--time-limit", "8", "--rate", "20", "--recovery-wait", "1",
		"--nemesis", "kill", "--nemesis-interval", "2", "--seed", "2")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1 (values lost):\n%s", r.code, r.tail())
	}
	ops := historyOps(t, r)
	lastKill := -1 // index of the invocation of the last kill that killed n0
	for i, o := range ops {
		if o.f == ":kill" && o.nemesisOutcome("n0", ":killed") {
			lastKill = i - 1
		}
	}
	if lastKill < 0 {
		t.Fatalf("n0 was never killed:\n%s", r.tail())
	}
	var before, after []int64 // acknowledged before the kill, and after its completion
	for i, o := range ops {
		if o.f != ":broadcast" || o.typ != ":ok" {
			continue
		}
		v, _ := strconv.ParseInt(o.value, 10, 64)
		switch {
		case i < lastKill:
			before = append(before, v)
		case i > lastKill+1:
			after = append(after, v)
		}
	}
	if len(before) == 0 {
		t.Fatal("no value was acknowledged before the last kill; pick another seed")
	}
	lost := lostValues(t, r)
	for _, v := range before {
		if !slices.Contains(lost, v) {
			t.Errorf("value %d, acknowledged before n0's last kill, is not lost (lost %v)", v, lost)
		}
	}
	for _, v := range after {
		if slices.Contains(lost, v) {
			t.Errorf("value %d, acknowledged after n0's last restart, is lost", v)
		}
	}
	if f := readFaults(t, r); f.Kills == 0 || f.Restarts == 0 || !strings.Contains(r.output, "eddy: faults          kill ") {
		t.Errorf("faults %+v; summary:\n%s", f, r.tail())
	}
}

// survivorEnv gives a run its own temporary directory: the nodes' working
// directory, where the survivor keeps its values files.
func survivorEnv(t *testing.T) []string { return []string{"TMPDIR=" + t.TempDir()} }

func TestANodeThatPersistsSurvivesKillsAndPartitions(t *testing.T) {
	t.Parallel()
	r := runEddyWith(t, survivorEnv(t), "--bin", mutantBin(t, "survivor"), "--node-count", "3",
		"--time-limit", "8", "--rate", "20", "--recovery-wait", "2",
		"--nemesis", "partition,kill", "--nemesis-interval", "1", "--seed", "1")
	if r.code != 0 || !strings.Contains(r.output, "Everything looks good!") {
		t.Fatalf("exit %d, want 0 (valid):\n%s", r.code, r.tail())
	}
	restarted := false
	for _, o := range historyOps(t, r) {
		restarted = restarted || (o.f == ":start" && strings.Contains(o.value, ":started"))
	}
	if f := readFaults(t, r); !restarted || f.Kills == 0 || f.Restarts == 0 {
		t.Errorf("no node was killed and started again (faults %+v)", f)
	}
}

// A paused node answers nothing until it is resumed; when it then answers
// a broadcast whose client timed out and was closed meanwhile, eddy stops
// reading its output (§12.9, §1.6).
func TestAPausedNodeAnswersAfterItsResumeAndALateReplyMutesIt(t *testing.T) {
	t.Parallel()
	const nodes, concurrency = 3, 6
	r := runEddyWith(t, survivorEnv(t), "--bin", mutantBin(t, "survivor"), "--node-count", strconv.Itoa(nodes),
		"--concurrency", strconv.Itoa(concurrency), "--time-limit", "10", "--rate", "20", "--recovery-wait", "2",
		"--nemesis", "pause", "--nemesis-interval", "6", "--seed", "4")
	if r.code != 0 && r.code != 1 {
		t.Fatalf("exit %d, want a verdict:\n%s", r.code, r.tail())
	}
	nodeOf := func(w int) string { return "n" + strconv.Itoa(w%nodes) }
	paused := map[string]bool{}
	pausedAtInvoke := map[int]bool{} // worker → its op in flight went to a paused node
	timedOut := map[int]bool{}       // worker → its last op was a broadcast to a paused node that timed out
	armed := map[string]bool{}       // node → such a broadcast's client was closed while it was still paused
	expectMute := map[string]bool{}
	sawPause := false
	for _, o := range historyOps(t, r) {
		if o.process == ":nemesis" {
			for n := range nodes {
				node := "n" + strconv.Itoa(n)
				switch {
				case o.f == ":pause" && o.nemesisOutcome(node, ":paused"):
					paused[node], sawPause = true, true
				case o.f == ":resume" && o.nemesisOutcome(node, ":resumed") && paused[node]:
					paused[node] = false
					if armed[node] {
						expectMute[node] = true
					}
					armed[node] = false
				}
			}
			continue
		}
		w := o.worker(concurrency)
		node := nodeOf(w)
		switch {
		case o.typ == ":invoke":
			// A worker whose last op timed out as :info closes that
			// client now, before this op.
			if timedOut[w] && paused[node] {
				armed[node] = true
			}
			timedOut[w] = false
			pausedAtInvoke[w] = paused[node]
		case o.typ == ":ok" && pausedAtInvoke[w] && paused[node]:
			t.Errorf("worker %d's op on paused %s completed before the resume: %+v", w, node, o)
		case o.typ == ":info" && o.f == ":broadcast" && o.errorTxt == ":net-timeout" && pausedAtInvoke[w]:
			timedOut[w] = true
		}
	}
	if !sawPause || len(expectMute) == 0 {
		t.Fatalf("no broadcast timed out and had its client closed during a pause; pick another seed:\n%s", r.tail())
	}
	mute := readFaults(t, r).Mute
	for node := range expectMute {
		if !slices.Contains(mute, node) {
			t.Errorf("%s answered a closed client after its resume but is not mute (mute %v)", node, mute)
		}
	}
	if !strings.Contains(r.output, "stdout - maelstrom.process Error!") {
		t.Error("no stdout error was logged")
	}
}

func TestNoProcessSurvivesKillsAndPauses(t *testing.T) {
	t.Parallel()
	pidDir := t.TempDir()
	r := runEddy(t, withQuick("--bin", mutantBin(t, "correct"), "--node-count", "3", "--time-limit", "3",
		"--nemesis", "kill,pause", "--nemesis-interval", "0.5", "--seed", "3", "--", "--pid-dir", pidDir)...)
	if r.code != 0 && r.code != 1 {
		t.Fatalf("exit %d, want a verdict:\n%s", r.code, r.tail())
	}
	pids := readPIDs(t, pidDir)
	if len(pids) <= 3 {
		t.Errorf("%d processes ran, want restarts beyond the first 3", len(pids))
	}
	assertGone(t, pids)
}

func TestNoNodeSurvivesAnInterruptDuringAPause(t *testing.T) {
	t.Parallel()
	// The first nemesis op comes at once: interrupt once a pause has
	// stopped some node.
	interruptOnce(t, os.Interrupt, func(line string) bool {
		return strings.Contains(line, ":pause\t{") && strings.Contains(line, ":paused")
	}, "--time-limit", "600", "--nemesis", "pause", "--nemesis-interval", "30", "--seed", "1")
}
