package benchrun

import (
	"context"
	"errors"
	"fmt"
	"io"

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

// progressLine is one run's headline figures.
func progressLine(sc bench.Scenario, f bench.Figures) string {
	text := fmt.Sprintf("valid %s, lost %d", f.Valid().Name(), f.Lost())
	for _, fig := range []bench.Figure{bench.MsgsPerOp, bench.Median, bench.Worst} {
		if v, missing := fig.Of(f); missing == "" {
			text += ", " + fig.Name + " " + fig.Format(v)
		} else {
			text += ", " + fig.Name + " -"
		}
	}
	if sc.Shape.ProcessFaults() && f.Faults != nil {
		text += fmt.Sprintf(", k/p/mute %d/%d/%d", f.Faults.Kills, f.Faults.Pauses, len(f.Faults.Mute))
	}
	if sc.Shape.Partitions() && f.Failovers.Missing == "" {
		text += fmt.Sprintf(", failovers %d/%d", f.Failovers.Reachable, f.Failovers.All)
	}
	return text
}
