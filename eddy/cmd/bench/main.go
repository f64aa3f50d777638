// Command bench runs rumor under eddy on the efficiency workloads, several
// seeds each, and prints a table of msgs-per-op and stable latencies (median
// of runs, and min–max) against the project's targets. It exits 1 when a
// scenario misses a target on any run.
//
//	go run ./cmd/bench [-seeds 5] [-first-seed 1] [-eddy bin/eddy] [-bin bin/rumor] [-- node args]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"eddy/internal/bench"
)

func main() { bench.Main(run) }

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	seeds := fs.Int("seeds", 5, "runs per scenario, one seed each")
	first := fs.Int64("first-seed", 1, "seed of the first run; the others follow it")
	var paths bench.Paths
	paths.Register(fs)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	nodeArgs := fs.Args()
	abs, err := paths.Absolute()
	if err != nil {
		fmt.Fprintln(stderr, "bench:", err)
		return 2
	}

	var sums []bench.Summary
	costs := map[string][]bench.Figures{}
	for _, sc := range bench.Scenarios {
		var runs []bench.Figures
		for i := range *seeds {
			seed := *first + int64(i)
			f, err := bench.Run(ctx, abs.Eddy, ".", sc.Args(abs.Bin, seed, nodeArgs))
			if err != nil {
				fmt.Fprintf(stderr, "bench: %s seed %d: %v\n", sc.Name, seed, err)
				return 2
			}
			f.Seed = seed
			excess := ""
			if f.Excess != nil {
				excess = fmt.Sprintf(" excess=%d/%d/%d", f.Excess.MedianMS, f.Excess.P95MS, f.Excess.MaxMS)
			}
			fmt.Fprintf(stderr, "%-18s seed %-3d valid=%-5s lost=%d msgs-per-op=%.3f median=%d max=%d%s  %s\n",
				sc.Name, seed, f.Valid, f.Lost, f.ServersMPO, f.MedianMS, f.MaxMS, excess, f.Dir)
			runs = append(runs, f)
		}
		sums = append(sums, bench.Summarise(runs))
		costs[sc.Name] = runs
	}

	fmt.Fprintln(stdout)
	if err := bench.WriteTable(stdout, bench.Scenarios, sums); err != nil {
		fmt.Fprintln(stderr, "bench:", err)
		return 2
	}
	fmt.Fprintf(stdout, "\nFly.io limits: 3d %s; 3e %s.\n", bench.Limits3d, bench.Limits3e)
	writeCosts(stdout, costs[bench.Scenarios[0].Name])

	for i, s := range sums {
		if !s.Meets(bench.Scenarios[i].Limits) {
			return 1
		}
	}
	return 0
}

// writeCosts prints the nodes' resource use on the plain workload, when
// eddy recorded it.
func writeCosts(w io.Writer, runs []bench.Figures) {
	var cpu, rssMax, rssAvg []float64
	for _, f := range runs {
		if f.Cost == nil {
			continue
		}
		cpu = append(cpu, f.Cost.CPUPer1000Ops)
		rssMax = append(rssMax, f.Cost.PeakRSSMaxMiB)
		rssAvg = append(rssAvg, f.Cost.PeakRSSAvgMiB)
	}
	if len(cpu) == 0 {
		return
	}
	c, m, a := bench.SpreadOf(cpu), bench.SpreadOf(rssMax), bench.SpreadOf(rssAvg)
	fmt.Fprintf(w, "Cost on %s: %.2f (%.2f–%.2f) node CPU seconds per 1000 ops; peak RSS per node %.1f MiB mean, %.1f MiB max (over runs: %.1f–%.1f).\n",
		bench.Scenarios[0].Name, c.Median, c.Min, c.Max, a.Median, m.Median, m.Min, m.Max)
}
