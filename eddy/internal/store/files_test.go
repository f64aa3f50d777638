package store

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"eddy/internal/analysis"
	"eddy/internal/checker"
	"eddy/internal/journal"
	"eddy/internal/limit"
)

func TestSmallFilesReadBackAsTheyWereWritten(t *testing.T) {
	d := runDir(t)
	cost := analysis.Cost{Nodes: 25, Ops: 1994, CPUSeconds: 0.66, CPUPer1000Ops: 0.331, PeakRSSMeanMiB: 12.5, PeakRSSMaxMiB: 14.25}
	faults := analysis.Faults{Kills: 3, KilledNodes: 7, Pauses: 2, PausedNodes: 4, Restarts: 7, Mute: []string{"n2", "n10"}}
	lag := analysis.Lag{Deliveries: analysis.Quantiles{Samples: 9, P50: 80 * time.Microsecond, P99: 2 * time.Millisecond, Max: 7 * time.Millisecond},
		P99Limit: 5 * time.Millisecond, Wakeups: analysis.Quantiles{Samples: 3, P50: 90 * time.Microsecond}, Trusted: true}
	run := RunRecord{Test: "broadcast", Start: time.Now(), Seed: 7, Nodes: []string{"n0", "n1"}, Concurrency: 2,
		Parameters: "--node-count 2 --seed 7", Ops: 1994}
	lim := limit.Result{Hop: 99500833 * time.Nanosecond, Workload: checker.Workload{StableCount: 5, LostCount: 1, NeverReadCount: 2},
		Limit: &checker.Quantiles{Min: 1, Median: 2, P95: 3, P99: 4, Max: 5}, Actual: &checker.Quantiles{Max: 9}, Excess: nil}
	for name, write := range map[string]func() error{
		"cost": func() error { return d.WriteCost(cost) }, "faults": func() error { return d.WriteFaults(faults) },
		"lag": func() error { return d.WriteLag(lag) }, "run": func() error { return d.WriteRun(run) },
		"limit": func() error { return d.WriteLimit(lim) },
	} {
		if err := write(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	r := At(d.Path())
	if got, err := r.ReadCost(); err != nil || got != cost {
		t.Errorf("cost %+v, %v", got, err)
	}
	if got, err := r.ReadFaults(); err != nil || !reflect.DeepEqual(got, faults) {
		t.Errorf("faults %+v, %v", got, err)
	}
	if got, err := r.ReadLag(); err != nil || got != lag {
		t.Errorf("lag %+v, %v", got, err)
	}
	if got, err := r.ReadRun(); err != nil || !got.Start.Equal(run.Start) || got.Start.Location() != time.UTC ||
		got.Seed != 7 || got.Ops != 1994 || !reflect.DeepEqual(got.Nodes, run.Nodes) || got.Parameters != run.Parameters {
		t.Errorf("run %+v, %v", got, err)
	}
	if got, err := r.ReadLimit(); err != nil || !reflect.DeepEqual(got, LimitFiguresOf(lim)) || got.Hop != 99500*time.Microsecond {
		t.Errorf("limit %+v, %v", got, err)
	}
	if _, err := At(t.TempDir()).ReadCost(); !os.IsNotExist(err) {
		t.Errorf("a missing file should say so: %v", err)
	}
}

func TestLimitAndLagKeepTheirFileLayouts(t *testing.T) {
	d := runDir(t)
	lim := limit.Result{Hop: 100 * time.Millisecond, Limit: &checker.Quantiles{Max: 100}, Actual: &checker.Quantiles{Max: 300}, Excess: &checker.Quantiles{Max: 200}}
	if err := d.WriteLimit(lim); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteLag(analysis.Lag{P99Limit: 5 * time.Millisecond, Trusted: true}); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(d.File(LimitFile))
	for _, want := range []string{`"hop-ms": 100,`, `"stable-count": 0,`, `"lost-count": 0,`, `"never-read-count": 0,`,
		`"stable-latencies": {`, `"actual-stable-latencies": {`, `"excess": {`, `"1": 200`} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("limit.json lacks %s:\n%s", want, raw)
		}
	}
	var points map[string]any
	if err := json.Unmarshal(raw, &points); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"stable-latencies", "actual-stable-latencies", "excess"} {
		q, _ := points[key].(map[string]any)
		for _, p := range []string{"0", "0.5", "0.95", "0.99", "1"} {
			if _, ok := q[p]; !ok {
				t.Errorf("limit.json's %s lacks %q:\n%s", key, p, raw)
			}
		}
	}
	raw, _ = os.ReadFile(d.File(LagFile))
	want := "{\n  \"deliveries\": {\n    \"max_ns\": 0,\n    \"p50_ns\": 0,\n    \"p99_ns\": 0,\n    \"samples\": 0\n  },\n  \"p99_limit_ns\": 5000000,\n  \"timer_wakeups\": {\n    \"max_ns\": 0,\n    \"p50_ns\": 0,\n    \"p99_ns\": 0,\n    \"samples\": 0\n  },\n  \"trusted\": true,\n  \"head_of_line\": {\n    \"waits\": {\n      \"max_ns\": 0,\n      \"p50_ns\": 0,\n      \"p99_ns\": 0,\n      \"samples\": 0\n    },\n    \"longest_due_ns\": 0\n  }\n}\n"
	if string(raw) != want {
		t.Errorf("lag.json\n%s\nwant\n%s", raw, want)
	}
}

func TestEndingSaysWhyARunHasNoResults(t *testing.T) {
	for _, c := range []struct {
		log, verdict, reason string
	}{
		{"INFO [x] a - b\nWARN [x] jepsen test runner - jepsen.cli " + CrashedLine + "\ntopology failed: n1: timeout\nmore\nINFO [y] next\n", "crashed", "topology failed: n1: timeout more"},
		{"WARN [x] r - eddy " + InterruptedLine + "\n", "interrupted", "stopped by Ctrl-C or a signal"},
		{"INFO [x] still going\n", "no results", "the log ends without a verdict: still running, or eddy was killed"},
	} {
		d := runDir(t)
		if err := os.WriteFile(d.File(LogFile), []byte(c.log), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := d.ReadEnding(); got.Verdict != c.verdict || got.Reason != c.reason {
			t.Errorf("ending %+v, want %s: %s", got, c.verdict, c.reason)
		}
	}
	if got := At(t.TempDir()).ReadEnding(); got.Reason != "no log" {
		t.Errorf("no log: %+v", got)
	}
}

func TestNodeLogsReadByNode(t *testing.T) {
	d := runDir(t)
	for id, text := range map[string]string{"n0": "a\nb\n", "n10": "", "n1": "only\n"} {
		path := d.NodeLog(id)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	logs, err := d.ReadNodeLogs()
	if err != nil || !reflect.DeepEqual(logs, map[string][]string{"n0": {"a", "b"}, "n1": {"only"}, "n10": nil}) {
		t.Errorf("logs %q, %v", logs, err)
	}
}

func TestJournalReadsBackPlainOrGzipped(t *testing.T) {
	d := runDir(t)
	text := `{"t":100,"ev":"send","id":0,"src":"n0","dest":"n1","type":"gossip","due":150}
{"t":40,"ev":"clock-zero"}
{"t":160,"ev":"drop","id":0,"src":"n0","dest":"n1","type":"gossip","dropped":true}
`
	if err := os.WriteFile(d.File(journal.FileName), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	want := []journal.Event{
		{T: 60, Ev: journal.Send, Src: "n0", Dest: "n1", Type: "gossip", Due: 110},
		{T: 120, Ev: journal.Drop, Src: "n0", Dest: "n1", Type: "gossip", Dropped: true},
	}
	for _, form := range []string{"plain", "gzipped"} {
		if form == "gzipped" {
			if err := d.Gzip(journal.FileName); err != nil {
				t.Fatal(err)
			}
		}
		j, err := d.ReadJournal(nil)
		if err != nil || !reflect.DeepEqual(j.Events, want) {
			t.Errorf("%s: %+v, %v", form, j.Events, err)
		}
		drops, err := d.ReadJournal(func(e journal.Event) bool { return e.Ev == journal.Drop })
		if err != nil || len(drops.Events) != 1 {
			t.Errorf("%s, drops only: %+v, %v", form, drops.Events, err)
		}
	}
}
