package runner

import (
	"bufio"
	"bytes"
	"context"
	"eddy/internal/nemesis"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"eddy/internal/console"
	"eddy/internal/history"
	"eddy/internal/netsim"
)

// fakeRun runs a whole test against in-process fake nodes inside a synctest
// bubble, so a 20-second run takes milliseconds and is fully deterministic
// in time.
type fakeRun struct {
	res  Result
	hist history.History
	log  string
}

func testConfig(t *testing.T, nodes int) Config {
	return Config{
		Bin:   "fake-node",
		Nodes: numbered(nodes), Concurrency: nodes,
		TimeLimit: 20 * time.Second, Rate: 10,
		Latency:  netsim.Latency{MeanMillis: 0, Dist: netsim.Constant},
		Topology: "grid", NemesisInterval: 10,
		RecoveryWait: 10 * time.Second, Seed: 1,
		StoreRoot: filepath.Join(t.TempDir(), "store"), NodeDir: os.TempDir(),
	}
}

func numbered(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "n" + strconv.Itoa(i)
	}
	return out
}

func runFake(t *testing.T, cfg Config, opt fakeOptions) fakeRun {
	t.Helper()
	var fr fakeRun
	synctest.Test(t, func(t *testing.T) {
		var out bytes.Buffer
		r := start(context.Background(), cfg, console.NewPlain(&out), fakeLauncher(cfg.Nodes, opt), false)
		fr.res, fr.log = r, out.String()
	})
	if fr.res.Dir != "" {
		fr.hist = readHistory(t, fr.res.Dir)
	}
	return fr
}

// readHistory loads history.edn back just enough for the assertions:
// index, time, type, process, f and final flag.
func readHistory(t *testing.T, dir string) history.History {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "history.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ednFile, err := os.ReadFile(filepath.Join(dir, "history.edn"))
	if err != nil {
		t.Fatal(err)
	}
	var h history.History
	for _, line := range strings.Split(strings.TrimSpace(string(ednFile)), "\n") {
		var op history.Op
		op.Time = ednInt(line, ":time ")
		op.Process = int(ednInt(line, ":process "))
		if strings.Contains(line, ":process :nemesis") {
			op.Process = history.NemesisProcess
		}
		for _, ty := range []history.Type{history.Invoke, history.OK, history.Fail, history.Info} {
			if strings.Contains(line, ":type "+ty.String()+",") {
				op.Type = ty
			}
		}
		op.F = strings.TrimPrefix(strings.SplitN(strings.SplitN(line, ":f ", 2)[1], ",", 2)[0], ":")
		op.Final = strings.Contains(line, ":final? true")
		if i := strings.Index(line, ":error "); i >= 0 {
			op.Error = strings.TrimSuffix(line[i+len(":error "):], "}")
		}
		h.Append(op)
	}
	return h
}

func ednInt(line, key string) int64 {
	i := strings.Index(line, key)
	if i < 0 {
		return -1
	}
	var n int64
	for _, c := range line[i+len(key):] {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int64(c-'0')
	}
	return n
}

func TestScheduleFollowsMaelstrom(t *testing.T) {
	cfg := testConfig(t, 3)
	fr := runFake(t, cfg, fakeOptions{})
	if fr.res.ExitCode != 0 {
		t.Fatalf("exit %d:\n%s", fr.res.ExitCode, fr.log)
	}
	var main, finals []history.Op
	for _, op := range fr.hist {
		if op.Type != history.Invoke {
			continue
		}
		if op.Final {
			finals = append(finals, op)
		} else {
			main = append(main, op)
		}
	}
	// ≈ rate × time limit ops, the first at time 0, gaps in [0, 2/rate).
	if n := len(main); n < 150 || n > 250 {
		t.Errorf("%d main-phase ops, want about 200", n)
	}
	if main[0].Time != 0 {
		t.Errorf("first op at %v, want at once (0)", time.Duration(main[0].Time))
	}
	for i := 1; i < len(main); i++ {
		if gap := main[i].Time - main[i-1].Time; gap < 0 || gap >= int64(2*time.Second/10) {
			t.Fatalf("gap %v between ops %d and %d, want in [0, 200ms)", time.Duration(gap), i-1, i)
		}
	}
	if last := main[len(main)-1].Time; last >= int64(cfg.TimeLimit) {
		t.Errorf("op at %v, past the time limit", time.Duration(last))
	}
	// Round robin over workers from a rotating index.
	for i, op := range main[:9] {
		if op.Process != i%3 {
			t.Errorf("op %d went to process %d, want %d", i, op.Process, i%3)
		}
	}
	// One final read per worker, after the recovery wait.
	if len(finals) != 3 {
		t.Fatalf("%d final reads, want 3", len(finals))
	}
	if finals[0].Time-main[len(main)-1].Time < int64(cfg.RecoveryWait) {
		t.Errorf("final reads %v after the last op, want ≥ the recovery wait", time.Duration(finals[0].Time-main[len(main)-1].Time))
	}
	if !strings.Contains(fr.log, "Waiting for recovery...") || !strings.Contains(fr.log, "Everything looks good!") {
		t.Errorf("log lacks the recovery line or the verdict:\n%s", fr.log)
	}
}

func TestClientIDsFollowMaelstromsOrder(t *testing.T) {
	fr := runFake(t, testConfig(t, 3), fakeOptions{})
	srcs := map[string]map[string]bool{}
	f, err := os.Open(filepath.Join(fr.res.Dir, "net-journal.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lines := bufio.NewScanner(f)
	for lines.Scan() {
		var ev struct{ Ev, Src, Type string }
		_ = json.Unmarshal(lines.Bytes(), &ev)
		if ev.Ev == "send" && strings.HasPrefix(ev.Src, "c") {
			if srcs[ev.Type] == nil {
				srcs[ev.Type] = map[string]bool{}
			}
			srcs[ev.Type][ev.Src] = true
		}
	}
	want := map[string][]string{"init": {"c0", "c1", "c2"}, "topology": {"c3", "c4", "c5"}}
	for typ, ids := range want {
		if len(srcs[typ]) != len(ids) {
			t.Errorf("%s sent by %v, want %v", typ, srcs[typ], ids)
		}
		for _, id := range ids {
			if !srcs[typ][id] {
				t.Errorf("%s not sent by %s (senders %v)", typ, id, srcs[typ])
			}
		}
	}
	for id := range srcs["broadcast"] {
		if id < "c6" && len(id) == 2 {
			t.Errorf("worker client %s reuses an init/topology id", id)
		}
	}
}

func TestTimeoutsFailReadsAndInfoBroadcasts(t *testing.T) {
	cfg := testConfig(t, 1)
	cfg.TimeLimit = 12 * time.Second
	fr := runFake(t, cfg, fakeOptions{silentBroadcasts: true})
	invokes := map[int]history.Op{}
	sawInfo := false
	for _, op := range fr.hist {
		if op.Process == history.NemesisProcess {
			continue
		}
		if op.Type == history.Invoke {
			invokes[op.Process] = op
			continue
		}
		if op.F == history.FBroadcast {
			if op.Type != history.Info || op.Error != ":net-timeout" {
				t.Errorf("broadcast completion %+v, want :info :net-timeout", op)
			}
			if d := op.Time - invokes[op.Process].Time; d < int64(5*time.Second) {
				t.Errorf("broadcast timed out after %v, want 5s", time.Duration(d))
			}
			sawInfo = true
		}
	}
	if !sawInfo {
		t.Fatal("no broadcast in the run")
	}
	// After the first :info, the worker's process is 0 + C = 1, and so on.
	maxProcess := 0
	for _, op := range fr.hist {
		maxProcess = max(maxProcess, op.Process)
	}
	if maxProcess == 0 {
		t.Error("process id never advanced after :info")
	}
	// No broadcast ever succeeds, so :stats is invalid.
	if fr.res.ExitCode != 1 {
		t.Errorf("exit %d, want 1", fr.res.ExitCode)
	}
}

func TestNemesisAlternatesAndHealsBeforeTheFinalReads(t *testing.T) {
	cfg := testConfig(t, 5)
	cfg.Faults, cfg.NemesisInterval = nemesis.Faults{Partition: true}, 2
	fr := runFake(t, cfg, fakeOptions{})
	var nem []history.Op
	lastMain := int64(0)
	for _, op := range fr.hist {
		switch {
		case op.Process == history.NemesisProcess:
			nem = append(nem, op)
		case op.Type == history.Invoke && !op.Final:
			lastMain = op.Time
		}
	}
	if len(nem) < 6 || len(nem)%2 != 0 {
		t.Fatalf("%d nemesis entries, want several invoke/complete pairs", len(nem))
	}
	if nem[0].F != history.FStartPartition || nem[0].Time != 0 {
		t.Errorf("first nemesis op %+v, want start-partition at time 0", nem[0])
	}
	for i := 0; i < len(nem); i += 2 {
		if nem[i].F != nem[i+1].F || nem[i].Type != history.Info || nem[i+1].Type != history.Info {
			t.Errorf("nemesis entries %d/%d are not an :info invoke/complete pair: %+v %+v", i, i+1, nem[i], nem[i+1])
		}
		if i >= 2 && nem[i].F == nem[i-2].F && i != len(nem)-2 {
			t.Errorf("nemesis ops do not alternate at %d", i)
		}
	}
	final := nem[len(nem)-2]
	if final.F != history.FStopPartition || final.Time < lastMain {
		t.Errorf("run does not end with a stop-partition after the main phase: %+v", final)
	}
}

func TestRateZeroIssuesOnlyFinalReads(t *testing.T) {
	cfg := testConfig(t, 2)
	cfg.Rate, cfg.TimeLimit = 0, 5*time.Second
	fr := runFake(t, cfg, fakeOptions{})
	for _, op := range fr.hist {
		if op.Type == history.Invoke && !op.Final {
			t.Fatalf("op %+v issued with --rate 0", op)
		}
	}
	if len(fr.hist) != 4 {
		t.Errorf("%d history entries, want 2 final reads and their completions", len(fr.hist))
	}
}

func TestCrashedNodeEndsTheRunWithoutAnalysis(t *testing.T) {
	fr := runFake(t, testConfig(t, 2), fakeOptions{crashed: true})
	if fr.res.ExitCode != ExitCrashed || strings.Contains(fr.log, "Analyzing...") || !strings.Contains(fr.log, "crashed with exit status 3") {
		t.Errorf("exit %d; log:\n%s", fr.res.ExitCode, fr.log)
	}
}
