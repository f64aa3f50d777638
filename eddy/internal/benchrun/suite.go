package benchrun

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"eddy/internal/bench"
)

// RunSeeds runs sc once per seed, first to first+n-1, and returns the
// figures in seed order. After each run it writes one progress line to
// progress, naming the run's store directory. A run that crashed (eddy
// wrote no results) is kept as a crashed row and the next seed runs; any
// other error, or a cancelled ctx, ends the series.
func RunSeeds(ctx context.Context, p Paths, sc bench.Scenario, first int64, n int, nodeArgs []string, progress io.Writer) ([]bench.Figures, error) {
	var runs []bench.Figures
	for i := range n {
		seed := first + int64(i)
		f, err := Run(ctx, p.Eddy, p.Dir, sc.Args(p.Bin, seed, nodeArgs))
		f.Seed = seed
		switch {
		case errors.Is(err, ErrNoResults) && ctx.Err() == nil:
			fmt.Fprintf(progress, "%s seed %d (%d/%d): CRASHED: %v\n", sc.Name, seed, i+1, n, err)
			runs = append(runs, bench.Figures{Seed: seed, Dir: f.Dir})
			continue
		case err != nil:
			return runs, fmt.Errorf("%s seed %d: %w", sc.Name, seed, err)
		}
		fmt.Fprintf(progress, "%s seed %d (%d/%d): %s  %s\n", sc.Name, seed, i+1, n, progressLine(sc, f), f.Dir)
		runs = append(runs, f)
	}
	return runs, nil
}

// progressLine is one run's headline figures, a figure the run lacks as
// "-".
func progressLine(sc bench.Scenario, f bench.Figures) string {
	figure := func(fig bench.Figure, format string) string {
		if v, missing := fig.Of(f); missing == "" {
			return fmt.Sprintf(format, v)
		}
		return "-"
	}
	text := fmt.Sprintf("valid %s, lost %d, msgs/op %s, median %s ms, max %s ms",
		strings.TrimPrefix(f.Valid().String(), ":"), f.Lost(),
		figure(bench.MsgsPerOp, "%.2f"), figure(bench.Median, "%.0f"), figure(bench.Worst, "%.0f"))
	if sc.Shape.ProcessFaults() {
		text += ", k/p/mute " + figure(bench.Kills, "%.0f") + "/" + figure(bench.Pauses, "%.0f") + "/" + figure(bench.Mute, "%.0f")
	}
	if sc.Shape.Partitions() {
		text += ", failovers " + figure(bench.ReachableFailovers, "%.0f") + "/" + figure(bench.AllFailovers, "%.0f")
	}
	return text
}
