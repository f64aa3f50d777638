// Package benchruntest stands in for eddy in the tests of the benchmark
// commands: a shell script that takes eddy's command line, names a store
// directory in --store-path-file as eddy does, and fills it with a run a
// test wrote beforehand through package store, so the commands under test
// read exactly the files eddy would write.
//
// A test writes its runs with Run.Write under Templates(root), one
// directory per run it wants, named (most specific first) n<nodes>-s<seed>,
// n<nodes> or any; Install puts the script in root and returns its path.
// The script runs the first template that exists for its --node-count and
// --seed; a template with a crash log makes it crash as eddy does (the log
// as jepsen.log, exit status 255, no results).
package benchruntest

import (
	"os"
	"path/filepath"
	"strings"

	"eddy/internal/analysis"
	"eddy/internal/checker"
	"eddy/internal/history"
	"eddy/internal/limit"
	"eddy/internal/store"
)

// script is the stand-in eddy; Install replaces @TEMPLATES@ with the
// directory the runs are in.
const script = `#!/bin/sh
templates=@TEMPLATES@
while [ $# -gt 0 ]; do
  case "$1" in
  --store-path-file) pathfile=$2; shift ;;
  --seed) seed=$2; shift ;;
  --node-count) nodes=$2; shift ;;
  esac
  shift
done
dir=$PWD/store/broadcast/n$nodes-s$seed
mkdir -p "$dir"
echo "$dir" > "$pathfile"
for t in "n$nodes-s$seed" "n$nodes" any; do
  if [ -d "$templates/$t" ]; then
    if [ -f "$templates/$t/crash" ]; then
      cp "$templates/$t/crash" "$dir/` + store.LogFile + `"
      cat "$dir/` + store.LogFile + `" >&2
      exit 255
    fi
    cp -r "$templates/$t"/. "$dir"/
    exit 0
  fi
done
echo "no template for n$nodes-s$seed" >&2
exit 255
`

// Templates is the directory under root that Install's eddy copies runs
// from.
func Templates(root string) string { return filepath.Join(root, "templates") }

// Install writes the stand-in eddy into root and returns its path.
func Install(root string) (string, error) {
	path := filepath.Join(root, "eddy")
	text := strings.Replace(script, "@TEMPLATES@", "'"+Templates(root)+"'", 1)
	return path, os.WriteFile(path, []byte(text), 0o755)
}

// Run is the files of one stand-in run; a nil field is a file the run does
// not write.
type Run struct {
	// Crash, when not empty, makes the run crash with this console log.
	Crash    string
	Results  *checker.Results
	Run      *store.RunRecord
	Limit    *limit.Result
	Cost     *analysis.Cost
	Faults   *analysis.Faults
	History  history.History   // written when not nil
	NodeLogs map[string]string // node id → its stderr
}

// Write writes the run's files into the template directory dir, through
// package store.
func (r Run) Write(dir string) error {
	if err := os.MkdirAll(filepath.Join(dir, store.NodeLogDir), 0o755); err != nil {
		return err
	}
	if r.Crash != "" {
		return os.WriteFile(filepath.Join(dir, "crash"), []byte(r.Crash), 0o644)
	}
	d := store.At(dir)
	var writes []func() error
	if r.Results != nil {
		writes = append(writes, func() error { return d.WriteResults(r.Results) })
	}
	if r.Run != nil {
		writes = append(writes, func() error { return d.WriteRun(*r.Run) })
	}
	if r.Limit != nil {
		writes = append(writes, func() error { return d.WriteLimit(*r.Limit) })
	}
	if r.Cost != nil {
		writes = append(writes, func() error { return d.WriteCost(*r.Cost) })
	}
	if r.Faults != nil {
		writes = append(writes, func() error { return d.WriteFaults(*r.Faults) })
	}
	if r.History != nil {
		writes = append(writes, func() error { return d.WriteHistory(r.History) })
	}
	for id, text := range r.NodeLogs {
		writes = append(writes, func() error { return os.WriteFile(d.NodeLog(id), []byte(text), 0o644) })
	}
	for _, w := range writes {
		if err := w(); err != nil {
			return err
		}
	}
	return nil
}
