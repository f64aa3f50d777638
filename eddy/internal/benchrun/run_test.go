package benchrun

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"eddy/internal/analysis"
	"eddy/internal/bench"
	"eddy/internal/benchrun/benchruntest"
	"eddy/internal/checker"
	"eddy/internal/history"
	"eddy/internal/limit"
	"eddy/internal/store"
)

// failedOver is a finished run, as eddy would write it: n1 fails over away
// from n0 one second into the run, while nothing cut them apart.
func failedOver(median int64) benchruntest.Run {
	start := time.Date(2026, 12, 3, 17, 0, 0, 0, time.UTC)
	return benchruntest.Run{
		Results: &checker.Results{
			Workload: checker.Workload{StableCount: 9, StableLatencies: &checker.Quantiles{Median: median, P95: 290, Max: 346}},
			Net:      checker.Net{Servers: checker.NetStats{MsgCount: 3274, MsgsPerOp: 1.5854721, HasMsgsPerOp: true}},
		},
		Run:     &store.RunRecord{Test: "broadcast", Start: start, Nodes: []string{"n0", "n1"}, Concurrency: 2, Ops: 2065},
		Limit:   &limit.Result{Hop: 100 * time.Millisecond, Limit: &checker.Quantiles{Median: 73, P95: 97, Max: 99}, Excess: &checker.Quantiles{Median: 68, P95: 225, Max: 247}},
		Cost:    &analysis.Cost{Nodes: 2, Ops: 2065, CPUPer1000Ops: 3.1, PeakRSSMaxMiB: 15.8},
		Faults:  &analysis.Faults{Mute: []string{}},
		History: history.History{{Type: history.Invoke, Process: 0, F: history.FRead}},
		NodeLogs: map[string]string{
			"n1": start.Add(time.Second).Format(time.RFC3339Nano) + " rumor: hub n0 -> n1: failover\n",
		},
	}
}

func TestReadTakesEveryFigureThroughTheStore(t *testing.T) {
	dir := t.TempDir()
	must(t, failedOver(141).Write(dir))
	f, err := Read(dir)
	must(t, err)
	if f.Crashed() || f.Run == nil || f.Run.Ops != 2065 || f.Cost == nil || f.Cost.CPUPer1000Ops != 3.1 || f.Faults == nil {
		t.Fatalf("figures %+v", f)
	}
	for _, c := range []struct {
		fig  bench.Figure
		want float64
	}{
		{bench.MsgsPerOp, 1.5854721}, {bench.Median, 141}, {bench.Worst, 346}, {bench.Limit50, 73}, {bench.Excess95, 225},
		{bench.CPU, 3.1}, {bench.RSS, 15.8}, {bench.AllFailovers, 1}, {bench.ReachableFailovers, 1},
	} {
		if got, missing := c.fig.Of(f); missing != "" || got != c.want {
			t.Errorf("%s = %v (%s), want %v", c.fig.Name, got, missing, c.want)
		}
	}
	if _, err := Read(t.TempDir()); !os.IsNotExist(err) {
		t.Errorf("a directory without results: %v", err)
	}
}

func TestReadLeavesWhatARunDidNotWriteMissing(t *testing.T) {
	dir := t.TempDir()
	must(t, benchruntest.Run{Results: failedOver(141).Results}.Write(dir))
	f, err := Read(dir)
	must(t, err)
	for _, fig := range []bench.Figure{bench.Limit50, bench.Excess100, bench.CPU, bench.Kills, bench.ReachableFailovers} {
		if _, missing := fig.Of(f); missing == "" {
			t.Errorf("%s read without its file", fig.Name)
		}
	}
	if _, missing := bench.MsgsPerOp.Of(f); missing != "" {
		t.Errorf("msgs-per-op: %s", missing)
	}
	if filepath.Clean(f.Dir) != filepath.Clean(dir) {
		t.Errorf("dir %s", f.Dir)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
