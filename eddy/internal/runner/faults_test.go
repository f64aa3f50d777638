package runner

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"eddy/internal/history"
	"eddy/internal/nemesis"
)

// nemesisLine is one nemesis op of history.txt: its f and its value as
// printed.
type nemesisLine struct{ f, value, err string }

func nemesisLines(t *testing.T, dir string) []nemesisLine {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, "history.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var out []nemesisLine
	for _, line := range strings.Split(string(raw), "\n") {
		fields := strings.Split(line, "\t")
		if fields[0] != ":nemesis" {
			continue
		}
		l := nemesisLine{f: strings.TrimPrefix(fields[2], ":"), value: fields[3]}
		if len(fields) > 4 {
			l.err = fields[4]
		}
		out = append(out, l)
	}
	return out
}

func TestKillsAndPausesAlternateAndEndWithResumeThenStart(t *testing.T) {
	cfg := testConfig(t, 5)
	cfg.Faults, cfg.NemesisInterval = nemesis.Faults{Kill: true, Pause: true}, 2
	fr := runFake(t, cfg, fakeOptions{})
	if fr.res.ExitCode != 0 && fr.res.ExitCode != 1 {
		t.Fatalf("exit %d:\n%s", fr.res.ExitCode, fr.log)
	}
	if os.Getenv("EDDY_SHOW_LOG") != "" {
		t.Log(fr.log)
	}
	lines := nemesisLines(t, fr.res.Dir)
	if len(lines) < 12 || len(lines)%2 != 0 {
		t.Fatalf("%d nemesis lines, want several invocation/completion pairs", len(lines))
	}
	killed, paused := map[string]bool{}, map[string]bool{}
	kills := 0
	for i := 0; i < len(lines); i += 2 {
		inv, done := lines[i], lines[i+1]
		if inv.f != done.f || done.err != "" {
			t.Fatalf("pair %d: %+v then %+v", i/2, inv, done)
		}
		switch inv.f {
		case "kill":
			kills++
			if len(killed) > 0 {
				t.Fatalf("pair %d kills while %v are killed", i/2, killed)
			}
			for node, outcome := range outcomes(t, done.value) {
				if outcome != history.Killed {
					t.Errorf("kill: %s %s", node, outcome)
				}
				killed[node] = true
			}
		case "start":
			if inv.value != ":all" {
				t.Errorf("start of %s, want :all", inv.value)
			}
			got := outcomes(t, done.value)
			if len(got) != 5 {
				t.Errorf("start acted on %v, want every node", got)
			}
			for node, outcome := range got {
				if want := map[bool]string{true: history.Started, false: history.AlreadyRunning}[killed[node]]; outcome != want {
					t.Errorf("start: %s %s, want %s", node, outcome, want)
				}
			}
			killed = map[string]bool{}
		case "pause":
			for node, outcome := range outcomes(t, done.value) {
				if outcome == history.Paused {
					paused[node] = true
				} else if outcome != history.NotRunning || !killed[node] {
					t.Errorf("pause: %s %s", node, outcome)
				}
			}
		case "resume":
			if inv.value != ":all" || len(outcomes(t, done.value)) != 5 {
				t.Errorf("resume %s → %s, want every node", inv.value, done.value)
			}
			paused = map[string]bool{}
		default:
			t.Fatalf("nemesis op %q without --nemesis partition", inv.f)
		}
	}
	if kills == 0 {
		t.Error("no kill in 20 s at a 2 s interval")
	}
	n := len(lines)
	if lines[n-4].f != "resume" || lines[n-2].f != "start" {
		t.Errorf("the run ends with %s then %s, want resume then start", lines[n-4].f, lines[n-2].f)
	}
	if !strings.Contains(fr.log, "eddy: faults          kill ") {
		t.Errorf("no faults line in the summary:\n%s", fr.log[max(0, len(fr.log)-1500):])
	}
	raw, err := os.ReadFile(filepath.Join(fr.res.Dir, "faults.json"))
	if err != nil {
		t.Fatal(err)
	}
	var f struct{ Kills, Restarts int }
	if err := json.Unmarshal(raw, &f); err != nil || f.Kills != kills || f.Restarts == 0 {
		t.Errorf("faults.json %s (%v), want %d kills and some restarts", raw, err, kills)
	}
}

// outcomes reads a completion value such as {"n1" :killed, "n3" :killed}.
func outcomes(t *testing.T, value string) map[string]string {
	t.Helper()
	out := map[string]string{}
	body := strings.TrimSuffix(strings.TrimPrefix(value, "{"), "}")
	if body == "" {
		return out
	}
	for _, entry := range strings.Split(body, ", ") {
		node, outcome, ok := strings.Cut(entry, " ")
		if !ok || !strings.HasPrefix(outcome, ":") {
			t.Fatalf("outcomes %q", value)
		}
		unquoted, err := strconv.Unquote(node)
		if err != nil {
			t.Fatalf("outcomes %q: %v", value, err)
		}
		out[unquoted] = outcome[1:]
	}
	return out
}

func TestARestartIsInitedByANewClient(t *testing.T) {
	cfg := testConfig(t, 3)
	cfg.Faults, cfg.NemesisInterval = nemesis.Faults{Kill: true}, 1
	fr := runFake(t, cfg, fakeOptions{})
	f, err := os.Open(filepath.Join(fr.res.Dir, "net-journal.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	inits := map[string]int{}
	lines := bufio.NewScanner(f)
	for lines.Scan() {
		var ev struct{ Ev, Src, Dest, Type string }
		_ = json.Unmarshal(lines.Bytes(), &ev)
		if ev.Ev == "send" && ev.Type == "init" {
			inits[ev.Src]++
		}
	}
	restarts := 0
	for src, n := range inits {
		if n != 1 {
			t.Errorf("client %s sent init %d times", src, n)
		}
		switch k, _ := strconv.Atoi(src[1:]); {
		case k >= 6:
			restarts++
		case k >= 3:
			t.Errorf("init from %s, a topology client's id", src)
		}
	}
	if restarts == 0 {
		t.Fatalf("no restart was inited (init senders %v)", inits)
	}
	for _, id := range []string{"c0", "c1", "c2"} {
		if inits[id] != 1 {
			t.Errorf("setup init from %s: %d", id, inits[id])
		}
	}
}

func TestALateReplyAfterAPauseMutesTheNode(t *testing.T) {
	// One node, four workers, pauses only (the second lasts 13 s): the
	// node answers every request it reads, so a broadcast that timed out
	// during a pause, whose worker then moved on to a new client, is
	// answered after the resume to a client already closed (§12.9).
	cfg := testConfig(t, 1)
	cfg.Faults, cfg.NemesisInterval, cfg.TimeLimit, cfg.Concurrency = nemesis.Faults{Pause: true}, 8, 30*time.Second, 4
	fr := runFake(t, cfg, fakeOptions{})
	paused := false
	timedOut := map[int]bool{} // worker → its broadcast, invoked during this pause, timed out
	inPause := map[int]bool{}  // worker → its op in flight was invoked during the pause
	trapped := false           // some such worker then opened a new client before the resume
	for _, op := range fr.hist {
		w := op.Process % cfg.Concurrency
		switch {
		case op.Process == history.NemesisProcess:
			switch op.F {
			case history.FPause:
				paused = true
			case history.FResume:
				paused = false
				clear(timedOut)
			}
		case op.Type == history.Invoke:
			trapped = trapped || (timedOut[w] && paused)
			timedOut[w], inPause[w] = false, paused
		case op.F == history.FBroadcast && op.Type == history.Info && inPause[w] && paused:
			timedOut[w] = true
		}
	}
	if !trapped {
		t.Fatalf("no worker left a timed-out broadcast behind during a pause; pick another seed:\n%v", nemesisLines(t, fr.res.Dir))
	}
	if !strings.Contains(fr.log, "n0 stdout") || !strings.Contains(fr.log, "mute 1 (n0)") {
		t.Errorf("the late reply did not mute n0:\n%s", fr.log[max(0, len(fr.log)-2000):])
	}
}

func TestARestartThatNeverAnswersInitIsRecordedAndTheRunGoesOn(t *testing.T) {
	cfg := testConfig(t, 3)
	cfg.Faults, cfg.NemesisInterval = nemesis.Faults{Kill: true}, 2
	fr := runFake(t, cfg, fakeOptions{silentRestarts: true})
	if fr.res.ExitCode == ExitCrashed {
		t.Fatalf("the run crashed:\n%s", fr.log)
	}
	failed := false
	for _, l := range nemesisLines(t, fr.res.Dir) {
		if l.f == "start" && strings.Contains(l.err, "indeterminate: init failed for node") {
			failed = true
		}
	}
	if !failed || !strings.Contains(fr.log, "Process :nemesis crashed") {
		t.Errorf("no start recorded as failed:\n%s", fr.log[max(0, len(fr.log)-3000):])
	}
}

func TestAKillFindingACrashedNodeStillCrashesTheRun(t *testing.T) {
	cfg := testConfig(t, 2)
	cfg.Faults, cfg.NemesisInterval = nemesis.Faults{Kill: true}, 2
	fr := runFake(t, cfg, fakeOptions{crashed: true})
	if fr.res.ExitCode != ExitCrashed || !strings.Contains(fr.log, "crashed with exit status 3") || strings.Contains(fr.log, "Analyzing...") {
		t.Errorf("exit %d; log:\n%s", fr.res.ExitCode, fr.log[max(0, len(fr.log)-2000):])
	}
}
