package benchrun

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"eddy/internal/bench"
	"eddy/internal/benchrun/benchruntest"
	"eddy/internal/store"
)

func TestRunSeedsKeepsGoingPastACrash(t *testing.T) {
	dir := t.TempDir()
	templates := benchruntest.Templates(dir)
	must(t, failedOver(141).Write(filepath.Join(templates, "any")))
	crash := "WARN [x] jepsen test runner - jepsen.cli " + store.CrashedLine + "\ninit failed for node n0\n"
	must(t, benchruntest.Run{Crash: crash}.Write(filepath.Join(templates, "n25-s2")))
	eddy, err := benchruntest.Install(dir)
	must(t, err)
	sc, _ := bench.ScenarioNamed("3d-partition")
	var progress strings.Builder
	runs, err := RunSeeds(context.Background(), Paths{Eddy: eddy, Bin: "/bin/true", Dir: dir}, sc, 1, 3, nil, &progress)
	must(t, err)
	if len(runs) != 3 || runs[0].Crashed() || !runs[1].Crashed() || runs[2].Seed != 3 || runs[2].Dir != filepath.Join(dir, "store/broadcast/n25-s3") {
		t.Fatalf("runs %+v", runs)
	}
	for _, want := range []string{
		"3d-partition seed 2 (2/3): CRASHED", "crashed: init failed for node n0",
		"3d-partition seed 3 (3/3): valid true, lost 0, msgs/op 1.59, median 141 ms, max 346 ms, failovers 1/1  " + runs[2].Dir + "\n",
	} {
		if !strings.Contains(progress.String(), want) {
			t.Errorf("progress lacks %q:\n%s", want, progress.String())
		}
	}
}
