package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"eddy/internal/analysis"
	"eddy/internal/benchrun/benchruntest"
	"eddy/internal/checker"
)

// installEddy puts a stand-in eddy in dir for runs on each of nodes:
// msgs-per-op is the node count over 20, and every run records its cost
// but no limit.
func installEddy(t *testing.T, dir string, nodes ...int) string {
	t.Helper()
	for _, n := range nodes {
		run := benchruntest.Run{
			Results: &checker.Results{
				Workload: checker.Workload{StableLatencies: &checker.Quantiles{Median: 140, P95: 300, Max: 350}},
				Net:      checker.Net{Servers: checker.NetStats{MsgCount: 1600, MsgsPerOp: float32(n / 20), HasMsgsPerOp: true}},
			},
			Cost: &analysis.Cost{Nodes: n, CPUPer1000Ops: 1.0, PeakRSSMaxMiB: 15.5},
		}
		if err := run.Write(filepath.Join(benchruntest.Templates(dir), fmt.Sprintf("n%d", n))); err != nil {
			t.Fatal(err)
		}
	}
	eddy, err := benchruntest.Install(dir)
	if err != nil {
		t.Fatal(err)
	}
	return eddy
}

func TestScalePrintsARowPerSizeAndDraws(t *testing.T) {
	dir := t.TempDir()
	eddy := installEddy(t, dir, 40, 100)
	plot := filepath.Join(dir, "scale.png")
	var out, errs strings.Builder
	code := run(context.Background(), []string{"-nodes", "40,100", "-out", plot, "-eddy", eddy, "-bin", "/bin/true", "-dir", dir}, &out, &errs)
	if code != 1 {
		t.Errorf("exit %d, want 1 (5 msgs-per-op at 100 nodes)\nstderr:\n%s", code, errs.String())
	}
	for _, want := range []string{
		"scale: rate 100, latency 100 ms, 20 s on n = 40,100 nodes, 1 seed each\n",
		"  eddy test -w broadcast --bin <node> --node-count <n> --time-limit 20 --rate 100 --latency 100 --seed <seed>\n",
		"40     1/1    0     2.00     140/300/350  -      -       1.00  15.5\n",
		"100    1/1    0     5.00     140/300/350  -      -       1.00  15.5\n",
		"100 nodes  MISSED  msgs-per-op <= 4.9 on every seed  worst 5.000 (seed 1)\n",
		"wrote " + plot + "\n",
		"scale: 1 of 5 targets MISSED:\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if info, err := os.Stat(plot); err != nil || info.Size() == 0 {
		t.Errorf("no plot: %v", err)
	}
}
