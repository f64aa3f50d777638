package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"eddy/internal/benchrun/benchruntest"
	"eddy/internal/checker"
)

// installEddy puts a stand-in eddy in dir: every run is valid, 1.6
// msgs-per-op, and records no limit or cost, so those targets are missed.
func installEddy(t *testing.T, dir string) string {
	t.Helper()
	run := benchruntest.Run{Results: &checker.Results{
		Workload: checker.Workload{StableLatencies: &checker.Quantiles{Median: 140, P95: 300, Max: 350}},
		Net:      checker.Net{Servers: checker.NetStats{MsgCount: 1600, MsgsPerOp: 1.6, HasMsgsPerOp: true}},
	}}
	if err := run.Write(filepath.Join(benchruntest.Templates(dir), "any")); err != nil {
		t.Fatal(err)
	}
	eddy, err := benchruntest.Install(dir)
	if err != nil {
		t.Fatal(err)
	}
	return eddy
}

func TestBenchPrintsATablePerScenarioAndFailsOnAMiss(t *testing.T) {
	dir := t.TempDir()
	eddy := installEddy(t, dir)
	var out, errs strings.Builder
	code := run(context.Background(), []string{"-scenarios", "3d=2,3c=1", "-time-limit", "5", "-eddy", eddy, "-bin", "/bin/true", "-dir", dir}, &out, &errs)
	if code != 1 {
		t.Errorf("exit %d, want 1 (cpu not recorded)\nstderr:\n%s", code, errs.String())
	}
	for _, want := range []string{
		"3d: 25 nodes, rate 100, latency 100 ms, 5 s, 2 seeds\n",
		"--node-count 25 --time-limit 5 --rate 100 --latency 100 --seed <seed>\n",
		"2       yes    0     1.60     140/300/350  -      -       -    -\n",
		"  MISSED  median cpu per 1000 ops over seeds <= 1.3 s  cpu per 1000 ops missing (seed 1): the run wrote no cost.json\n",
		"1       yes    0     1.60     140/300/350  -      -       -    -    -\n",
		"  MISSED  excess 1 <= 1000 ms on every seed    excess 1 missing (seed 1): the run wrote no limit.json\n",
		"3c: 5 nodes, rate 10, latency 0 ms, 5 s, partition nemesis, 1 seed\n",
		"Fly.io's own limits",
		"bench: 3 of 8 targets MISSED:\n  3d: median cpu per 1000 ops over seeds <= 1.3 s\n  3c: excess 0.95 <= 300 ms on every seed\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if !strings.Contains(errs.String(), "3d seed 2 (2/2): valid true") {
		t.Errorf("no progress lines:\n%s", errs.String())
	}
}

func TestBenchRefusesAnUnknownScenario(t *testing.T) {
	var out, errs strings.Builder
	if code := run(context.Background(), []string{"-scenarios", "3z"}, &out, &errs); code != 2 || !strings.Contains(errs.String(), `unknown scenario "3z"`) {
		t.Errorf("exit %d, stderr %q", code, errs.String())
	}
}
