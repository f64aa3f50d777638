package benchrun

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"eddy/internal/bench"
	"eddy/internal/faults"
	"eddy/internal/journal"
	"eddy/internal/store"
)

// ErrNoResults is Run's error when eddy ended without writing results: the
// run crashed (a node died, init failed) or eddy itself failed.
var ErrNoResults = errors.New("wrote no results")

// Run starts eddy with args (a `test …` command line) in dir, waits for it,
// and reads the figures of the run it stored. eddy's exit status is not an
// error: an invalid run still has figures, and its results say what the
// checker thought.
func Run(ctx context.Context, eddy, dir string, args []string) (bench.Figures, error) {
	pathFile, err := os.CreateTemp("", "eddy-store-path-")
	if err != nil {
		return bench.Figures{}, err
	}
	pathFile.Close()
	defer os.Remove(pathFile.Name())
	if len(args) == 0 || args[0] != "test" {
		return bench.Figures{}, fmt.Errorf("eddy %s: not a test command line", strings.Join(args, " "))
	}
	full := append([]string{"test", "--store-path-file", pathFile.Name()}, args[1:]...)
	cmd := exec.CommandContext(ctx, eddy, full...)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	err = cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return bench.Figures{}, err
	}
	stored, _ := os.ReadFile(pathFile.Name())
	lines := strings.Fields(string(stored))
	if len(lines) == 0 {
		return bench.Figures{}, fmt.Errorf("eddy %s: %w (no store directory):\n%s", strings.Join(args, " "), ErrNoResults, lastLines(out.String(), 15))
	}
	run := lines[len(lines)-1]
	f, err := Read(run)
	if errors.Is(err, os.ErrNotExist) && f.Crashed() {
		end := store.At(run).ReadEnding()
		return f, fmt.Errorf("eddy %s: %w (%s: %s) in %s:\n%s", strings.Join(args, " "), ErrNoResults, end.Verdict, end.Reason, run, lastLines(out.String(), 15))
	}
	return f, err
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// Read loads the figures of the run stored in dir. A run without
// results.json has crashed: its Figures carry only Dir, and the error
// wraps os.ErrNotExist. Every other file is optional: a figure whose file
// is missing is left missing (nil), and bench's targets say so.
func Read(dir string) (bench.Figures, error) {
	d := store.At(dir)
	f := bench.Figures{Dir: dir}
	results, err := d.ReadResults()
	if err != nil {
		return f, err
	}
	f.Results = results
	if run, err := d.ReadRun(); err == nil {
		f.Run = &run
	}
	if lim, err := d.ReadLimit(); err == nil {
		f.Limit = &lim
	}
	if cost, err := d.ReadCost(); err == nil {
		f.Cost = &cost
	}
	if fa, err := d.ReadFaults(); err == nil {
		f.Faults = &fa
	}
	if lag, err := d.ReadLag(); err == nil {
		f.Lag = &lag
	}
	f.Failovers = failovers(d, f.Run)
	return f, nil
}

// failovers counts the node's hub failovers in its stderr logs, and those
// away from a reachable hub by the fault timeline of the run's history and
// the messages between nodes in its network journal (without a journal,
// by the timeline alone).
func failovers(d *store.Dir, run *store.RunRecord) bench.Failovers {
	if run == nil {
		return bench.Failovers{Missing: "the run wrote no run.json (no start time)"}
	}
	logs, err := d.ReadNodeLogs()
	if err != nil {
		return bench.Failovers{Missing: "node logs: " + err.Error()}
	}
	changes := bench.HubChanges(logs)
	if len(changes) == 0 {
		return bench.Failovers{} // the node reports no hub changes
	}
	h, err := d.ReadHistory()
	if err != nil {
		return bench.Failovers{Missing: "history: " + err.Error()}
	}
	tl := faults.Of(h, run.Nodes)
	var sends bench.Sends
	between := func(e journal.Event) bool { return e.Ev == journal.Send || e.Ev == journal.Drop }
	if j, err := d.ReadJournal(between); err == nil {
		sends = bench.SendsOf(j.Events, run.Nodes)
	}
	return bench.CountFailovers(changes, &tl, run.Start.In(time.UTC), sends)
}
