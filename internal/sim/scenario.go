package sim

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"rumor/actor"
)

// TicksPerSecond is how many ticks make one simulated second. The shell
// ticks every 10 ms, which is what actor.DefaultConfig is tuned for.
const TicksPerSecond = 100

// Scenario is everything about a run that is not decided tick by tick.
type Scenario struct {
	Seed    int64
	Nodes   int
	Clients int
	Config  actor.Config
	// Wire sends every message through messages.Encode and messages.Decode,
	// as the real shell does, instead of handing the struct over.
	Wire   bool
	Faults Faults
	// WorkloadTicks is how long clients issue operations while faults are
	// on; afterwards the network heals and the cluster must settle.
	WorkloadTicks int64
	// OpTicks is the mean gap, in ticks, between two client operations
	// anywhere in the cluster.
	OpTicks int64
	// ReadPercent is the share of operations that are reads; the rest are
	// broadcasts. Maelstrom mixes them half and half.
	ReadPercent int
	// OddPercent is the share of broadcasts that send a JSON value other
	// than a fresh integer.
	OddPercent int
}

// Faults are the network's, the processes' and the disk's misbehaviours
// while the workload runs.
type Faults struct {
	DropPercent int   // chance a node-to-node message is lost
	DupPercent  int   // chance a node-to-node message is delivered twice
	MaxLatency  int64 // node-to-node latency is uniform on [0, MaxLatency] ticks
	// ExpLatency, when positive, makes node-to-node latency exponential
	// with this mean in ticks instead (Maelstrom's --latency-dist
	// exponential): unbounded, so MaxLatency no longer bounds it.
	ExpLatency int64
	// ConstLatency, when positive, makes every node-to-node message take
	// exactly this many ticks instead (Maelstrom's default, --latency-dist
	// constant): no reordering between two nodes, as eddy runs 3d.
	ConstLatency int64
	// NemesisTicks is the mean gap between partition starts and stops, as
	// Maelstrom's --nemesis-interval; zero means no partitions.
	NemesisTicks int64
	// ProcessTicks is the mean gap between process faults (process.go):
	// kill and start, if Kill, and pause and resume, if Pause; zero means
	// none.
	ProcessTicks int64
	Kill, Pause  bool
	// TearPercent is the chance a kill lands in the middle of a write.
	TearPercent int
	// DiskFailPercent is the chance an append fails (a full disk).
	DiskFailPercent int
}

// String summarises the scenario on one line, for logs.
func (s Scenario) String() string {
	return fmt.Sprintf("seed=%d nodes=%d clients=%d strategy=%s batch=%d rto=%d..%d ack=%d wire=%v drop=%d%% dup=%d%% latency<=%d nemesis=%d process=%d kill=%v pause=%v tear=%d%% diskfail=%d%% fence=%v workload=%d op=%d reads=%d%% odd=%d%%",
		s.Seed, s.Nodes, s.Clients, s.Config.Strategy, s.Config.BatchTicks, s.Config.RetransmitTicks,
		s.Config.MaxRetransmitTicks, s.Config.AckTicks, s.Wire, s.Faults.DropPercent, s.Faults.DupPercent,
		s.Faults.MaxLatency, s.Faults.NemesisTicks, s.Faults.ProcessTicks, s.Faults.Kill, s.Faults.Pause,
		s.Faults.TearPercent, s.Faults.DiskFailPercent, !s.Config.NoPauseFence, s.WorkloadTicks, s.OpTicks, s.ReadPercent, s.OddPercent)
}

// validate reports a scenario the simulator cannot run.
func (s Scenario) validate() error {
	switch {
	case s.Nodes < 1:
		return fmt.Errorf("a cluster needs at least one node, got %d", s.Nodes)
	case s.Clients > 0 && s.OpTicks < 1:
		return fmt.Errorf("clients need an operation gap of at least one tick, got %d", s.OpTicks)
	case s.Faults.MaxLatency < 0 || s.Faults.NemesisTicks < 0 || s.Faults.ProcessTicks < 0:
		return fmt.Errorf("latency and nemesis intervals must not be negative")
	}
	return s.Config.Validate()
}

// Overrides pin parts of a drawn scenario; zero values leave the draw alone.
type Overrides struct {
	Nodes    int
	Strategy string // "star", "topology" or "mesh"
	// Faults is "", "partition", "kill", "pause", or a comma-separated set
	// of them: the nemeses the run has (drops, duplicates and failed writes
	// are drawn either way). With "none", no nemesis at all.
	Faults string
	// NoPauseFence turns the pause guard off.
	NoPauseFence bool
}

// configs are the protocol settings scenarios are drawn from: the shipped
// defaults, and settings whose timers are short enough, relative to the
// latencies drawn below, to make retransmissions and failovers spurious.
var configs = []actor.Config{
	actor.DefaultConfig(),
	{BatchTicks: 2, RetransmitTicks: 8, MaxRetransmitTicks: 32, AckTicks: 3},
	{BatchTicks: 0, RetransmitTicks: 1, MaxRetransmitTicks: 4, AckTicks: 0},
	{BatchTicks: 10, RetransmitTicks: 40, MaxRetransmitTicks: 400, AckTicks: 39},
}

var strategies = []actor.Strategy{actor.Star, actor.Topology, actor.Mesh}

// NewRand returns the one random source a run uses for everything.
func NewRand(seed int64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), 0x5eed5eed5eed5eed))
}

// Draw picks a scenario from rng. Every draw is always made, overridden or
// not, so an override changes only what it names and not the rest of the run.
func Draw(rng *rand.Rand, seed int64, o Overrides) (Scenario, error) {
	sc := Scenario{Seed: seed}
	sc.Nodes = pick(rng, []int{1, 2, 3, 3, 4, 5, 5, 5, 6, 7})
	sc.Config = pick(rng, configs)
	sc.Config.Strategy = pick(rng, strategies)
	sc.Clients = 1 + rng.IntN(2*sc.Nodes)
	sc.Wire = rng.IntN(4) == 0
	sc.Faults = Faults{
		DropPercent:  pick(rng, []int{0, 1, 10, 30}),
		DupPercent:   pick(rng, []int{0, 5, 20}),
		MaxLatency:   pick(rng, []int64{0, 2, 10, 40}),
		NemesisTicks: pick(rng, []int64{0, 20, 100, 400}),
	}
	sc.WorkloadTicks = 100 + rng.Int64N(1400)
	sc.OpTicks = pick(rng, []int64{1, 3, 10})
	sc.OddPercent = pick(rng, []int{0, 10, 50})
	sc.ReadPercent = 50
	sc.Faults.ProcessTicks = pick(rng, []int64{0, 0, 150, 400, 800})
	switch rng.IntN(3) {
	case 0:
		sc.Faults.Kill = true
	case 1:
		sc.Faults.Pause = true
	default:
		sc.Faults.Kill, sc.Faults.Pause = true, true
	}
	sc.Faults.TearPercent = pick(rng, []int{0, 50, 100})
	sc.Faults.DiskFailPercent = pick(rng, []int{0, 0, 0, 5})

	if o.Faults != "" {
		if err := o.pinFaults(&sc.Faults); err != nil {
			return Scenario{}, err
		}
	}
	sc.Config.NoPauseFence = o.NoPauseFence
	if o.Nodes > 0 {
		sc.Nodes = o.Nodes
		sc.Clients = min(sc.Clients, 2*sc.Nodes)
	}
	if o.Strategy != "" {
		s, err := actor.ParseStrategy(o.Strategy)
		if err != nil {
			return Scenario{}, err
		}
		sc.Config.Strategy = s
	}
	return sc, sc.Config.Validate()
}

func pick[T any](rng *rand.Rand, choices []T) T { return choices[rng.IntN(len(choices))] }

// pinFaults applies the Faults override: each nemesis named is on, with
// its drawn interval (or a second, if none was drawn); the others are off.
func (o Overrides) pinFaults(f *Faults) error {
	partition, kill, pause := false, false, false
	for _, name := range strings.Split(o.Faults, ",") {
		switch name {
		case "none":
		case "partition":
			partition = true
		case "kill":
			kill = true
		case "pause":
			pause = true
		default:
			return fmt.Errorf("unknown fault %q (want partition, kill, pause or none)", name)
		}
	}
	if !partition {
		f.NemesisTicks = 0
	} else if f.NemesisTicks == 0 {
		f.NemesisTicks = TicksPerSecond
	}
	f.Kill, f.Pause = kill, pause
	if !kill && !pause {
		f.ProcessTicks = 0
	} else if f.ProcessTicks == 0 {
		f.ProcessTicks = 4 * TicksPerSecond
	}
	return nil
}
