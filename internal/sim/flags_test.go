package sim

import "flag"

// Flags for the seed runner. With none given, plain `go test ./...` runs a
// quick simulation; `make sim` runs a thousand seeds or more.
var (
	seedsFlag    = flag.Int("seeds", 100, "how many seeds TestSimSeeds runs, starting at -first")
	firstFlag    = flag.Int64("first", 1, "the first seed TestSimSeeds runs")
	seedFlag     = flag.Int64("seed", 0, "replay this one seed (and print its trace tail with -v); 0 runs -seeds seeds")
	nodesFlag    = flag.Int("nodes", 0, "pin the cluster size instead of drawing it per seed")
	strategyFlag = flag.String("strategy", "", "pin the strategy (star, topology or mesh) instead of drawing it per seed")
	workersFlag  = flag.Int("workers", 0, "seeds run in parallel; 0 means GOMAXPROCS")
	traceFlag    = flag.String("simtrace", "", "with -seed, write the replayed seed's full trace to this file")
	faultsFlag   = flag.String("faults", "", "pin the nemeses: partition, kill, pause (comma-separated), or none; drawn per seed otherwise")
	noFenceFlag  = flag.Bool("no-pause-fence", false, "turn the pause guard off: mute nodes are then counted, not failed")
)

// overrides are the flags that pin parts of each seed's scenario.
func overrides() Overrides {
	return Overrides{Nodes: *nodesFlag, Strategy: *strategyFlag, Faults: *faultsFlag, NoPauseFence: *noFenceFlag}
}
