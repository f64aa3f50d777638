package benchrun

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"eddy/internal/bench"
	"eddy/internal/store"
)

// fakeEddy is a stand-in for eddy: it copies a run written by writeRun
// into its store directory and names that directory in --store-path-file,
// except on seed 2, where it crashes at init the way eddy logs a crash.
const fakeEddy = `#!/bin/sh
while [ "$1" != "--seed" ]; do
  if [ "$1" = "--store-path-file" ]; then pathfile=$2; fi
  shift
done
seed=$2
dir=$PWD/store/broadcast/run$seed
mkdir -p $dir
echo $dir > $pathfile
if [ "$seed" = 2 ]; then
  printf 'WARN [x] jepsen test runner - jepsen.cli ` + store.CrashedLine + `\ninit failed for node n0\n' > $dir/jepsen.log
  echo "init failed for node n0" >&2
  exit 255
fi
cp -r "$TEMPLATE"/. $dir/
`

func TestRunSeedsKeepsGoingPastACrash(t *testing.T) {
	dir := t.TempDir()
	template := filepath.Join(dir, "template")
	writeRun(t, template, 141)
	t.Setenv("TEMPLATE", template)
	eddy := filepath.Join(dir, "eddy")
	must(t, os.WriteFile(eddy, []byte(fakeEddy), 0o755))
	sc, _ := bench.ScenarioNamed("3d-partition")
	var progress strings.Builder
	runs, err := RunSeeds(context.Background(), Paths{Eddy: eddy, Bin: "/bin/true", Dir: dir}, sc, 1, 3, nil, &progress)
	must(t, err)
	if len(runs) != 3 || runs[0].Crashed() || !runs[1].Crashed() || runs[2].Seed != 3 || runs[2].Dir != filepath.Join(dir, "store/broadcast/run3") {
		t.Fatalf("runs %+v", runs)
	}
	for _, want := range []string{
		"3d-partition seed 2 (2/3): CRASHED", "crashed: init failed for node n0",
		"3d-partition seed 3 (3/3): valid valid, lost 0, msgs-per-op 1.585, median 141 ms, max 346 ms, failovers 1/1",
	} {
		if !strings.Contains(progress.String(), want) {
			t.Errorf("progress lacks %q:\n%s", want, progress.String())
		}
	}
}
