package main

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"eddy/internal/analysis"
	"eddy/internal/history"
)

// outcome says whether a nemesis completion reports node with outcome
// (e.g. "n0", history.Killed).
func outcome(op history.Op, node, outcome string) bool {
	out, ok := op.OutcomesValue()
	return !op.IsClient() && ok && out.Of[node] == outcome
}

// refusals are the lines eddy refused from a node, each with the reason
// it logged (§1.6).
func refusals(output string) string {
	lines := strings.Split(output, "\n")
	var out []string
	for i, line := range lines {
		if strings.HasSuffix(line, "maelstrom.process Error!") && i+1 < len(lines) {
			out = append(out, line, lines[i+1])
		}
	}
	return strings.Join(out, "\n")
}

func readFaults(t *testing.T, r eddyRun) analysis.Faults {
	t.Helper()
	f, err := r.store().ReadFaults()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// On one node every op goes to n0 and the final read is the last read of
// all, so what a kill loses is exact: every value acknowledged before the
// node's last kill, and nothing acknowledged after it.
func TestAKillLosesWhatANodeKeptInMemory(t *testing.T) {
	r := runEddy(t, "--bin", mutantBin(t, "correct"), "--node-count", "1", "--concurrency", "10",
		"--time-limit", "8", "--rate", "20", "--recovery-wait", "1",
		"--nemesis", "kill", "--nemesis-interval", "2", "--seed", "2")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1 (values lost):\n%s", r.code, r.tail())
	}
	ops := r.history(t)
	lastKill := -1 // index of the invocation of the last kill that killed n0
	for i, o := range ops {
		if o.F == history.FKill && outcome(o, "n0", history.Killed) {
			lastKill = i - 1
		}
	}
	if lastKill < 0 {
		t.Fatalf("n0 was never killed:\n%s", r.tail())
	}
	var before, after []int64 // acknowledged before the kill, and after its completion
	for i, o := range ops {
		if o.F != history.FBroadcast || o.Type != history.OK {
			continue
		}
		v, _ := o.ElementValue()
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
	lost := r.results(t).Workload.Lost
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

// A node that keeps every value in a file before acknowledging it, and
// sends everything again after a restart, stays valid; three seconds of
// recovery leave its 100 ms retry thirty chances after the final start.
func TestANodeThatPersistsSurvivesKillsAndPartitions(t *testing.T) {
	r := runEddyWith(t, survivorEnv(t), "--bin", mutantBin(t, "survivor"), "--node-count", "3",
		"--time-limit", "8", "--rate", "20", "--recovery-wait", "3",
		"--nemesis", "partition,kill", "--nemesis-interval", "1", "--seed", "1")
	if f := readFaults(t, r); len(f.Mute) > 0 {
		t.Errorf("eddy refused a line of %v, and read it no more:\n%s", f.Mute, refusals(r.output))
	}
	if r.code != 0 || !strings.Contains(r.output, "Everything looks good!") {
		t.Fatalf("exit %d, want 0 (valid):\n%s", r.code, r.tail())
	}
	restarted := false
	for _, o := range r.history(t) {
		for _, node := range []string{"n0", "n1", "n2"} {
			restarted = restarted || (o.F == history.FStart && outcome(o, node, history.Started))
		}
	}
	if f := readFaults(t, r); !restarted || f.Kills == 0 || f.Restarts == 0 {
		t.Errorf("no node was killed and started again (faults %+v)", f)
	}
}

// A paused node answers nothing until it is resumed; when it then answers
// a broadcast whose client timed out and was closed meanwhile, eddy stops
// reading its output (§12.9, §1.6).
func TestAPausedNodeAnswersAfterItsResumeAndALateReplyMutesIt(t *testing.T) {
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
	for _, o := range r.history(t) {
		if !o.IsClient() {
			for n := range nodes {
				node := "n" + strconv.Itoa(n)
				switch {
				case o.F == history.FPause && outcome(o, node, history.Paused):
					paused[node], sawPause = true, true
				case o.F == history.FResume && outcome(o, node, history.Resumed) && paused[node]:
					paused[node] = false
					if armed[node] {
						expectMute[node] = true
					}
					armed[node] = false
				}
			}
			continue
		}
		w := o.Process % concurrency
		node := nodeOf(w)
		switch {
		case o.Type == history.Invoke:
			// A worker whose last op timed out as :info closes that
			// client now, before this op.
			if timedOut[w] && paused[node] {
				armed[node] = true
			}
			timedOut[w] = false
			pausedAtInvoke[w] = paused[node]
		case o.Type == history.OK && pausedAtInvoke[w] && paused[node]:
			t.Errorf("worker %d's op on paused %s completed before the resume: %+v", w, node, o)
		case o.Type == history.Info && o.F == history.FBroadcast && o.Error == ":net-timeout" && pausedAtInvoke[w]:
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
