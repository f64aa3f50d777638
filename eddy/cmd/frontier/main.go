// Command frontier sweeps rumor's flush interval (-batch) on the 3d/3e
// workload under eddy and plots median and maximum stable latency against
// msgs-per-op: the trade-off between fewer messages and fresher reads.
//
//	go run ./cmd/frontier [-batches 0s,50ms,...] [-seed 1] [-out frontier.png]
//	                      [-eddy bin/eddy] [-bin bin/rumor] [-dir .] [-- node args]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"eddy/internal/bench"
)

func main() { bench.Main(run) }

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("frontier", flag.ContinueOnError)
	fs.SetOutput(stderr)
	batches := fs.String("batches", "0s,50ms,100ms,150ms,200ms,250ms,300ms,400ms,500ms,750ms,1s", "flush intervals to try, comma-separated")
	seed := fs.Int64("seed", 1, "eddy seed for every run, so only the interval changes")
	var paths bench.Paths
	paths.Register(fs)
	out := fs.String("out", "frontier.png", "where to write the plot")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	intervals, err := parseDurations(*batches)
	if err != nil {
		fmt.Fprintln(stderr, "frontier:", err)
		return 2
	}
	abs, err := paths.Absolute()
	if err != nil {
		fmt.Fprintln(stderr, "frontier:", err)
		return 2
	}

	sc, _ := bench.ScenarioNamed("3d")
	var points []bench.Point
	for _, b := range intervals {
		nodeArgs := append([]string{"-batch", b.String()}, fs.Args()...)
		f, err := bench.Run(ctx, abs.Eddy, abs.Dir, sc.Args(abs.Bin, *seed, nodeArgs))
		if err != nil {
			fmt.Fprintf(stderr, "frontier: batch %s: %v\n", b, err)
			return 2
		}
		fmt.Fprintf(stderr, "batch %-6s valid=%-5s msgs-per-op=%.3f median=%d max=%d\n", b, f.Valid, f.ServersMPO, f.MedianMS, f.MaxMS)
		points = append(points, bench.Point{Batch: b, Figures: f})
	}

	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "batch\tvalid\tmsgs-per-op\tmedian ms\tmax ms")
	for _, p := range points {
		fmt.Fprintf(tw, "%s\t%s\t%.3f\t%d\t%d\n", p.Batch, p.Figures.Valid, p.Figures.ServersMPO, p.Figures.MedianMS, p.Figures.MaxMS)
	}
	tw.Flush()
	if err := bench.PlotFrontier(points, sc.Targets, *out); err != nil {
		fmt.Fprintln(stderr, "frontier:", err)
		return 2
	}
	fmt.Fprintln(stdout, "wrote", *out)
	return 0
}

func parseDurations(list string) ([]time.Duration, error) {
	var ds []time.Duration
	for _, s := range strings.Split(list, ",") {
		d, err := time.ParseDuration(strings.TrimSpace(s))
		if err != nil {
			return nil, err
		}
		ds = append(ds, d)
	}
	return ds, nil
}
