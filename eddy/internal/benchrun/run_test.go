package benchrun

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"eddy/internal/analysis"
	"eddy/internal/bench"
	"eddy/internal/checker"
	"eddy/internal/history"
	"eddy/internal/limit"
	"eddy/internal/store"
)

// writeRun writes a finished run's files into dir, as eddy would: n1 fails
// over away from n0 one second into the run, while nothing cut them apart.
func writeRun(t *testing.T, dir string, median int64) {
	t.Helper()
	d := store.At(dir)
	results := &checker.Results{
		Workload: checker.Workload{StableCount: 9, StableLatencies: &checker.Quantiles{Median: median, P95: 290, Max: 346}},
		Net:      checker.Net{Servers: checker.NetStats{MsgCount: 3274, MsgsPerOp: 1.5854721, HasMsgsPerOp: true}},
	}
	start := time.Date(2026, 12, 3, 17, 0, 0, 0, time.UTC)
	must(t, d.WriteResults(results))
	must(t, d.WriteRun(store.RunRecord{Test: "broadcast", Start: start, Nodes: []string{"n0", "n1"}, Concurrency: 2, Ops: 2065}))
	must(t, d.WriteLimit(limit.Result{Hop: 100 * time.Millisecond, Limit: &checker.Quantiles{Median: 73, P95: 97, Max: 99}, Excess: &checker.Quantiles{Median: 68, P95: 225, Max: 247}}))
	must(t, d.WriteCost(analysis.Cost{Nodes: 2, Ops: 2065, CPUPer1000Ops: 3.1, PeakRSSMaxMiB: 15.8}))
	must(t, d.WriteFaults(analysis.Faults{Mute: []string{}}))
	must(t, d.WriteHistory(history.History{{Type: history.Invoke, Process: 0, F: history.FRead}}))
	must(t, os.MkdirAll(filepath.Join(dir, store.NodeLogDir), 0o755))
	line := start.Add(time.Second).Format(time.RFC3339Nano) + " rumor: hub n0 -> n1: failover\n"
	must(t, os.WriteFile(d.NodeLog("n1"), []byte(line), 0o644))
}

func TestReadTakesEveryFigureThroughTheStore(t *testing.T) {
	dir := t.TempDir()
	writeRun(t, dir, 141)
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

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
