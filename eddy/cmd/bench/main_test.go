package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeEddy stands in for eddy: every run is valid, 1.6 msgs-per-op, and
// records no limit or cost, so those targets are missed.
const fakeEddy = `#!/bin/sh
while [ "$1" != "--seed" ]; do shift; done
dir=store/broadcast/run$2
mkdir -p $dir
echo '{"valid?": true, "workload": {"lost-count": 0, "stable-latencies": {"0.5": 140, "0.95": 300, "1": 350}}, "net": {"servers": {"msg-count": 1600, "msgs-per-op": 1.6}}}' > $dir/results.json
echo "INFO [x] jepsen test runner - jepsen.store Wrote $dir/results.edn"
`

func TestBenchPrintsATablePerScenarioAndFailsOnAMiss(t *testing.T) {
	dir := t.TempDir()
	eddy := filepath.Join(dir, "eddy")
	if err := os.WriteFile(eddy, []byte(fakeEddy), 0o755); err != nil {
		t.Fatal(err)
	}
	var out, errs strings.Builder
	code := run(context.Background(), []string{"-scenarios", "3d=2,3c=1", "-time-limit", "5", "-eddy", eddy, "-bin", "/bin/true", "-dir", dir}, &out, &errs)
	if code != 1 {
		t.Errorf("exit %d, want 1 (cpu not recorded)\nstderr:\n%s", code, errs.String())
	}
	for _, want := range []string{
		"3d: 25 nodes, rate 100, latency 100 ms, 5 s, 2 seeds\n",
		"--node-count 25 --time-limit 5 --rate 100 --latency 100 --seed <seed>\n",
		"2       yes    0     1.60     140/300/350  -      -       -    -\n",
		"  MISSED  median cpu per 1000 ops over seeds <= 1.3 s  not recorded (seed 1)\n",
		"3c: 5 nodes, rate 10, latency 0 ms, 5 s, partition nemesis, 1 seed\n",
		"Fly.io's own limits",
		"bench: 1 of 6 targets MISSED:\n  3d: median cpu per 1000 ops over seeds <= 1.3 s\n",
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
