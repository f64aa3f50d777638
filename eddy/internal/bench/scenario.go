package bench

import "strconv"

// Scenario is one eddy workload with the limits it is judged by.
type Scenario struct {
	Name   string
	Flags  []string // eddy's flags, without --bin, --seed or node arguments
	Limits Limits
}

// efficiency is the 3d/3e workload (fact sheet §8); both challenges run the
// same command line and differ only in their limits.
var efficiency = []string{"--node-count", "25", "--time-limit", "20", "--rate", "100", "--latency", "100"}

// Scenarios are the runs `make bench` reports, with the project's targets
// (tighter than Fly.io's 3d and 3e limits, which are listed for reference).
var Scenarios = []Scenario{
	{Name: "3d/3e", Flags: efficiency, Limits: Limits{ServersMPO: 2.0, MedianMS: 300, MaxMS: 450}},
	{Name: "3d/3e + partition", Flags: append(append([]string{}, efficiency...), "--nemesis", "partition"), Limits: Limits{ServersMPO: 4.0}},
}

// Published limits of the Fly.io challenges, for the table's footnote.
var (
	Limits3d = Limits{ServersMPO: 30, MedianMS: 400, MaxMS: 600}
	Limits3e = Limits{ServersMPO: 20, MedianMS: 1000, MaxMS: 2000}
)

// Args is the eddy command line for one run of s.
func (s Scenario) Args(bin string, seed int64, nodeArgs []string) []string {
	args := append([]string{"test", "-w", "broadcast", "--bin", bin}, s.Flags...)
	args = append(args, "--seed", strconv.FormatInt(seed, 10))
	if len(nodeArgs) > 0 {
		args = append(append(args, "--"), nodeArgs...)
	}
	return args
}
