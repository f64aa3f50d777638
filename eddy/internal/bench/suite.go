package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
)

// RunSeeds runs sc once per seed, first to first+n-1, and returns the
// figures in seed order. After each run it writes one progress line to
// progress, naming the run's store directory. A run that crashed (eddy
// wrote no results) is kept as a Crashed row and the next seed runs; any
// other error, or a cancelled ctx, ends the series.
func RunSeeds(ctx context.Context, p Paths, sc Scenario, first int64, n int, nodeArgs []string, progress io.Writer) ([]Figures, error) {
	var runs []Figures
	for i := range n {
		seed := first + int64(i)
		f, err := Run(ctx, p.Eddy, p.Dir, sc.Args(p.Bin, seed, nodeArgs))
		switch {
		case errors.Is(err, ErrNoResults) && ctx.Err() == nil:
			fmt.Fprintf(progress, "%s seed %d (%d/%d): CRASHED: %v\n", sc.Name, seed, i+1, n, err)
			runs = append(runs, Figures{Seed: seed, Valid: Crashed})
			continue
		case err != nil:
			return runs, fmt.Errorf("%s seed %d: %w", sc.Name, seed, err)
		}
		f.Seed = seed
		faults := ""
		if sc.Shape.ProcessFaults() {
			faults = ", k/p/mute " + f.Faults.text()
		}
		fmt.Fprintf(progress, "%s seed %d (%d/%d): valid %s, lost %d, msgs/op %.2f, median %d ms, max %d ms%s  %s\n",
			sc.Name, seed, i+1, n, f.Valid, f.Lost, f.ServersMPO, f.MedianMS, f.MaxMS, faults, f.Dir)
		runs = append(runs, f)
	}
	return runs, nil
}
