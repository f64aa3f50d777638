// Command scale runs rumor under eddy on the 3d/3e shape at several node
// counts and prints one row per count (validity, msgs-per-op, actual and
// limit stable latency and their excess, node CPU and memory; medians over
// seeds), the project's targets for each count marked ok or MISSED, and
// draws msgs-per-op, latency and CPU against the node count. It exits 1
// when any target is missed.
//
//	go run ./cmd/scale [-nodes 25,50,100] [-seeds 1] [-first-seed 1] [-time-limit S]
//	                   [-out scale.png] [-eddy bin/eddy] [-bin bin/rumor] [-dir .] [-- node args]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"eddy/internal/bench"
	"eddy/internal/benchplot"
	"eddy/internal/benchrun"
	"eddy/internal/benchtable"
)

func main() { benchrun.Main(run) }

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("scale", flag.ContinueOnError)
	fs.SetOutput(stderr)
	nodes := fs.String("nodes", "25,50,100", "node counts to run, comma-separated")
	seeds := fs.Int("seeds", 1, "runs per node count, one seed each")
	first := fs.Int64("first-seed", 1, "seed of each count's first run; the others follow it")
	timeLimit := fs.Int("time-limit", 0, "seconds per run instead of 20 (for a quick smoke test; the targets are for the full runs)")
	out := fs.String("out", "scale.png", "where to write the plot (.png, .svg or .pdf)")
	var paths benchrun.Paths
	paths.Register(fs)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *seeds < 1 {
		fmt.Fprintln(stderr, "scale: -seeds must be at least 1")
		return 2
	}
	sizes, err := bench.ParseSizes(*nodes, *seeds)
	if err != nil {
		fmt.Fprintln(stderr, "scale:", err)
		return 2
	}
	sizes = bench.WithTimeLimit(sizes, *timeLimit)
	abs, err := paths.Absolute()
	if err != nil {
		fmt.Fprintln(stderr, "scale:", err)
		return 2
	}

	var names []string
	var runs [][]bench.Figures
	var verdicts [][]bench.Verdict
	for _, sc := range sizes {
		rs, err := benchrun.RunSeeds(ctx, abs, sc, *first, sc.Seeds, fs.Args(), stderr)
		if err != nil {
			fmt.Fprintln(stderr, "scale:", err)
			return 2
		}
		names, runs, verdicts = append(names, sc.Name), append(runs, rs), append(verdicts, bench.Check(sc, rs))
	}

	shape := sizes[0].Shape
	flags := shape.Flags()
	flags[1] = "<n>" // Flags starts with --node-count and the count
	fmt.Fprintf(stdout, "%s\n\n", benchtable.Legend)
	fmt.Fprintf(stdout, "scale: rate %d, latency %d ms, %d s on n = %s nodes, %s each\n  eddy test -w broadcast --bin <node> %s --seed <seed>\n\n",
		shape.Rate, shape.LatencyMS, shape.TimeLimit, *nodes, benchtable.Count(*seeds, "seed"), strings.Join(flags, " "))
	if err := benchtable.WriteSizes(stdout, sizes, runs); err != nil {
		fmt.Fprintln(stderr, "scale:", err)
		return 2
	}
	fmt.Fprintln(stdout)
	if err := benchtable.WriteVerdicts(stdout, names, verdicts); err != nil {
		fmt.Fprintln(stderr, "scale:", err)
		return 2
	}
	fmt.Fprintln(stdout)
	if err := benchplot.PlotScale(sizes, runs, *out); err != nil {
		fmt.Fprintln(stderr, "scale: plot:", err)
		return 2
	}
	fmt.Fprintln(stdout, "wrote", *out)
	if !benchtable.WriteTally(stdout, "scale", names, verdicts) {
		return 1
	}
	return 0
}
