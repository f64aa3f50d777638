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
	"eddy/internal/benchplot"
	"eddy/internal/benchrun"
)

func main() { benchrun.Main(run) }

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("frontier", flag.ContinueOnError)
	fs.SetOutput(stderr)
	batches := fs.String("batches", "0s,50ms,100ms,150ms,200ms,250ms,300ms,400ms,500ms,750ms,1s", "flush intervals to try, comma-separated")
	seed := fs.Int64("seed", 1, "eddy seed for every run, so only the interval changes")
	var paths benchrun.Paths
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
	var points []benchplot.Point
	for _, b := range intervals {
		nodeArgs := append([]string{"-batch", b.String()}, fs.Args()...)
		f, err := benchrun.Run(ctx, abs.Eddy, abs.Dir, sc.Args(abs.Bin, *seed, nodeArgs))
		if err != nil {
			fmt.Fprintf(stderr, "frontier: batch %s: %v\n", b, err)
			return 2
		}
		fmt.Fprintf(stderr, "batch %-6s valid=%-7s msgs-per-op=%s median=%s max=%s\n", b, f.Valid().Name(),
			figure(f, bench.MsgsPerOp), figure(f, bench.Median), figure(f, bench.Worst))
		points = append(points, benchplot.Point{Batch: b, Figures: f})
	}

	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "batch\tvalid\tmsgs-per-op\tmedian\tmax")
	for _, p := range points {
		f := p.Figures
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", p.Batch, f.Valid().Name(), figure(f, bench.MsgsPerOp), figure(f, bench.Median), figure(f, bench.Worst))
	}
	tw.Flush()
	if err := benchplot.PlotFrontier(points, sc.Targets, *out); err != nil {
		fmt.Fprintln(stderr, "frontier:", err)
		return 2
	}
	fmt.Fprintln(stdout, "wrote", *out)
	return 0
}

// figure is one figure of a run as the table shows it, "-" when missing.
func figure(f bench.Figures, fig bench.Figure) string {
	if v, missing := fig.Of(f); missing == "" {
		return fig.Format(v)
	}
	return "-"
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
