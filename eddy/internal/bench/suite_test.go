package bench

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeEddy is a stand-in for eddy: it writes a run's results.json and
// announces it the way eddy does, except on seed 2, where it crashes.
const fakeEddy = `#!/bin/sh
while [ "$1" != "--seed" ]; do shift; done
seed=$2
if [ "$seed" = 2 ]; then echo "init failed for node n0" >&2; exit 255; fi
dir=store/broadcast/run$seed
mkdir -p $dir
echo '{"valid?": true, "workload": {"lost-count": 0, "stable-latencies": {"0.5": 14'$seed', "0.95": 300, "1": 350}}, "net": {"servers": {"msg-count": 1600, "msgs-per-op": 1.6}}}' > $dir/results.json
echo "INFO [x] jepsen test runner - jepsen.store Wrote $dir/results.edn"
`

func TestRunSeedsKeepsGoingPastACrash(t *testing.T) {
	dir := t.TempDir()
	eddy := filepath.Join(dir, "eddy")
	must(t, os.WriteFile(eddy, []byte(fakeEddy), 0o755))
	sc, _ := ScenarioNamed("3d")
	var progress strings.Builder
	runs, err := RunSeeds(context.Background(), Paths{Eddy: eddy, Bin: "/bin/true", Dir: dir}, sc, 1, 3, nil, &progress)
	must(t, err)
	if len(runs) != 3 || runs[0].MedianMS != 141 || runs[1].Valid != Crashed || runs[2].Seed != 3 || runs[2].MedianMS != 143 {
		t.Fatalf("runs %+v", runs)
	}
	if !strings.Contains(progress.String(), "3d seed 2 (2/3): CRASHED") || !strings.Contains(progress.String(), "init failed for node n0") {
		t.Errorf("progress:\n%s", progress.String())
	}
}
