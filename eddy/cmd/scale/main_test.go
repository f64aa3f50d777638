package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeEddy stands in for eddy: msgs-per-op is the node count over 20, and
// every run records its cost but no limit.
const fakeEddy = `#!/bin/sh
while [ "$1" != "--node-count" ]; do shift; done
n=$2
dir=store/broadcast/run$n
mkdir -p $dir
echo '{"valid?": true, "workload": {"lost-count": 0, "stable-latencies": {"0.5": 140, "0.95": 300, "1": 350}}, "net": {"servers": {"msg-count": 1600, "msgs-per-op": '$((n / 20))'}}}' > $dir/results.json
echo '{"nodes": '$n', "cpu_seconds_per_1000_ops": 1.0, "peak_rss_max_mib": 15.5}' > $dir/cost.json
echo "INFO [x] jepsen test runner - jepsen.store Wrote $dir/results.edn"
`

func TestScalePrintsARowPerSizeAndDraws(t *testing.T) {
	dir := t.TempDir()
	eddy := filepath.Join(dir, "eddy")
	if err := os.WriteFile(eddy, []byte(fakeEddy), 0o755); err != nil {
		t.Fatal(err)
	}
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
