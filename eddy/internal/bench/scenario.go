package bench

import (
	"fmt"
	"strconv"
	"strings"
)

// Shape is an eddy workload: the flags of one `eddy test -w broadcast`
// command line, without --bin, --seed or node arguments.
type Shape struct {
	Nodes     int
	Rate      int // client ops per second
	LatencyMS int // --latency; 0 leaves it out
	TimeLimit int // seconds
	// Nemesis is the --nemesis list ("partition", "kill",
	// "partition,kill,pause"); "" leaves it out.
	Nemesis string
}

// Flags is the shape as eddy's command line spells it.
func (s Shape) Flags() []string {
	flags := []string{"--node-count", strconv.Itoa(s.Nodes), "--time-limit", strconv.Itoa(s.TimeLimit), "--rate", strconv.Itoa(s.Rate)}
	if s.LatencyMS > 0 {
		flags = append(flags, "--latency", strconv.Itoa(s.LatencyMS))
	}
	if s.Nemesis != "" {
		flags = append(flags, "--nemesis", s.Nemesis)
	}
	return flags
}

// String describes the shape in a few words for a table's heading.
func (s Shape) String() string {
	text := fmt.Sprintf("%d nodes, rate %d, latency %d ms, %d s", s.Nodes, s.Rate, s.LatencyMS, s.TimeLimit)
	if s.Nemesis != "" {
		text += ", " + strings.ReplaceAll(s.Nemesis, ",", "+") + " nemesis"
	}
	return text
}

// ProcessFaults reports whether the shape kills or pauses nodes: its
// table then shows each run's kills, pauses and mute nodes.
func (s Shape) ProcessFaults() bool {
	for _, f := range strings.Split(s.Nemesis, ",") {
		if f == "kill" || f == "pause" {
			return true
		}
	}
	return false
}

// Scenario is a named shape with the targets it is judged by and the
// number of seeds it runs by default.
type Scenario struct {
	Name    string
	Shape   Shape
	Seeds   int
	Targets []Target
}

// Args is the eddy command line for one run of s.
func (s Scenario) Args(bin string, seed int64, nodeArgs []string) []string {
	args := append([]string{"test", "-w", "broadcast", "--bin", bin}, s.Shape.Flags()...)
	args = append(args, "--seed", strconv.FormatInt(seed, 10))
	if len(nodeArgs) > 0 {
		args = append(append(args, "--"), nodeArgs...)
	}
	return args
}

// Efficiency is the 3d/3e command line (semantics §8): both challenges run
// it and differ only in Fly.io's limits.
var Efficiency = Shape{Nodes: 25, Rate: 100, LatencyMS: 100, TimeLimit: 20}

// PlainTargets are the project's targets on the efficiency shape without
// faults: messages and latency on every seed, node CPU as the median over
// seeds (it is the noisiest figure on a shared machine).
var PlainTargets = []Target{
	{Figure: MsgsPerOp, Max: 1.7, Over: EverySeed},
	{Figure: Median, Max: 150, Over: EverySeed},
	{Figure: Worst, Max: 360, Over: EverySeed},
	{Figure: CPU, Max: 1.3, Over: MedianOfSeeds},
}

// Scenarios are the runs cmd/bench knows, in the order it runs them.
var Scenarios = []Scenario{
	{Name: "3d", Shape: Efficiency, Seeds: 5, Targets: PlainTargets},
	{Name: "3d-partition", Shape: withNemesis(Efficiency, "partition"), Seeds: 10, Targets: []Target{
		{Figure: MsgsPerOp, Max: 2.5, Over: MedianOfSeeds},
		{Figure: MsgsPerOp, Max: 3.0, Over: EverySeed},
		{Figure: Excess50, Max: 300, Over: MedianOfSeeds},
		{Figure: Excess95, Max: 400, Over: MedianOfSeeds},
		{Figure: Excess100, Max: 400, Over: MedianOfSeeds},
	}},
	{Name: "3c", Shape: Challenge3c, Seeds: 20},
	// Every fault Maelstrom injects: the 3c shape with all three, then the
	// efficiency shape with kills alone and with all three.
	{Name: "3c-faults", Shape: withNemesis(Challenge3c, "partition,kill,pause"), Seeds: 20},
	{Name: "3d-kill", Shape: withNemesis(Efficiency, "kill"), Seeds: 10, Targets: FaultTargets},
	{Name: "3d-faults", Shape: withNemesis(Efficiency, "partition,kill,pause"), Seeds: 10, Targets: FaultTargets},
}

// Challenge3c is the 3c command line (semantics §8): 5 nodes, rate 10,
// partitions.
var Challenge3c = Shape{Nodes: 5, Rate: 10, TimeLimit: 20, Nemesis: "partition"}

// FaultTargets are the project's targets on the efficiency shape under
// process faults, all as medians over seeds (the excess also shows its
// worst seed): a kill of every node at once leaves the network nothing to
// work with until the restart, so single seeds vary a lot.
var FaultTargets = []Target{
	{Figure: MsgsPerOp, Max: 3.0, Over: MedianOfSeeds, ShowWorst: true},
	{Figure: Excess50, Max: 500, Over: MedianOfSeeds, ShowWorst: true},
	{Figure: Excess95, Max: 500, Over: MedianOfSeeds, ShowWorst: true},
}

// ScenarioNamed finds a scenario of Scenarios by name.
func ScenarioNamed(name string) (Scenario, bool) {
	for _, s := range Scenarios {
		if s.Name == name {
			return s, true
		}
	}
	return Scenario{}, false
}

// Scale is the efficiency shape on n nodes, with the project's targets for
// that size: the plain targets at 25 nodes, the scale issue's at 50 and
// 100, and only validity at any other size.
func Scale(n int) Scenario {
	shape := Efficiency
	shape.Nodes = n
	var targets []Target
	switch n {
	case 25:
		targets = PlainTargets
	case 50:
		targets = []Target{{Figure: MsgsPerOp, Max: 2.9, Over: EverySeed}, {Figure: Worst, Max: 380, Over: EverySeed}}
	case 100:
		targets = []Target{{Figure: MsgsPerOp, Max: 4.9, Over: EverySeed}, {Figure: Median, Max: 200, Over: EverySeed}, {Figure: Worst, Max: 430, Over: EverySeed}}
	}
	return Scenario{Name: fmt.Sprintf("%d nodes", n), Shape: shape, Seeds: 1, Targets: targets}
}

func withNemesis(s Shape, faults string) Shape {
	s.Nemesis = faults
	return s
}

// FlyIO states Fly.io's published limits of the 3d and 3e challenges, far
// looser than the project's targets, for the tables' footnote.
const FlyIO = "Fly.io's own limits: 3d msgs-per-op < 30, median < 400 ms, max < 600 ms; 3e < 20, < 1000 ms, < 2000 ms."
