// Command bench runs rumor under eddy on the project's scenarios, several
// seeds each, and prints per scenario a table of every run (validity,
// msgs-per-op, actual and limit stable latency and their excess, node CPU
// and memory), the median over seeds, and the project's targets, each
// marked ok or MISSED. It exits 1 when any target is missed.
//
//	go run ./cmd/bench [-scenarios 3d=5,3d-partition=10] [-first-seed 1] [-time-limit S]
//	                   [-eddy bin/eddy] [-bin bin/rumor] [-dir .] [-- node args]
//
// The scenarios are 3d (the 3d/3e command line), 3d-partition (the same
// with --nemesis partition), 3c (5 nodes, rate 10, partitions), and the
// process faults: 3c-faults (3c with --nemesis partition,kill,pause),
// 3d-kill (3d with --nemesis kill) and 3d-faults (3d with --nemesis
// partition,kill,pause). Their tables add each run's kills, pauses and
// mute nodes.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"eddy/internal/bench"
)

func main() { bench.Main(run) }

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	list := fs.String("scenarios", "3d=5,3d-partition=10", "scenarios to run, each with =seeds (3d, 3d-partition, 3c, 3c-faults, 3d-kill, 3d-faults)")
	first := fs.Int64("first-seed", 1, "seed of each scenario's first run; the others follow it")
	timeLimit := fs.Int("time-limit", 0, "seconds per run instead of each scenario's own (for a quick smoke test; the targets are for the full runs)")
	var paths bench.Paths
	paths.Register(fs)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	plan, err := bench.ParsePlan(*list)
	if err != nil {
		fmt.Fprintln(stderr, "bench:", err)
		return 2
	}
	plan = bench.WithTimeLimit(plan, *timeLimit)
	abs, err := paths.Absolute()
	if err != nil {
		fmt.Fprintln(stderr, "bench:", err)
		return 2
	}

	fmt.Fprintf(stdout, "%s\n\n", bench.Legend)
	var names []string
	var verdicts [][]bench.Verdict
	for _, sc := range plan {
		runs, err := bench.RunSeeds(ctx, abs, sc, *first, sc.Seeds, fs.Args(), stderr)
		if err != nil {
			fmt.Fprintln(stderr, "bench:", err)
			return 2
		}
		vs := bench.Check(runs, sc.Targets)
		if err := bench.WriteRuns(stdout, sc, runs, vs); err != nil {
			fmt.Fprintln(stderr, "bench:", err)
			return 2
		}
		fmt.Fprintln(stdout)
		names, verdicts = append(names, sc.Name), append(verdicts, vs)
	}
	if slices.ContainsFunc(plan, func(sc bench.Scenario) bool { return strings.HasPrefix(sc.Name, "3d") }) {
		fmt.Fprintf(stdout, "%s\n", bench.FlyIO)
	}
	if !bench.WriteTally(stdout, "bench", names, verdicts) {
		return 1
	}
	return 0
}
