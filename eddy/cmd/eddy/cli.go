package main

import (
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"eddy/internal/checker"
	"eddy/internal/nemesis"
	"eddy/internal/netsim"
	"eddy/internal/proc"
	"eddy/internal/runner"
	"eddy/internal/topology"
)

// options are the parsed command line.
type options struct {
	cfg         runner.Config
	testCount   int
	seedGiven   bool
	concurrency string // raw --concurrency, resolved once the node count is known
	help        bool
}

// usageError is a bad command line: exit 254, as Jepsen's CLI does.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// flagSpec describes one option: whether it takes a value and how to apply it.
type flagSpec struct {
	takesValue bool
	apply      func(o *options, v string) error
}

// flags maps every accepted option name (with its dashes) to its spec.
var flags = map[string]flagSpec{}

func init() {
	value := func(fn func(o *options, v string) error, names ...string) {
		for _, n := range names {
			flags[n] = flagSpec{takesValue: true, apply: fn}
		}
	}
	boolean := func(fn func(o *options), names ...string) {
		for _, n := range names {
			flags[n] = flagSpec{apply: func(o *options, _ string) error { fn(o); return nil }}
		}
	}
	value(func(o *options, v string) error {
		if v != "broadcast" {
			return usagef("eddy only runs the broadcast workload, not %q", v)
		}
		return nil
	}, "-w", "--workload")
	value(func(o *options, v string) error { o.cfg.Bin = v; return nil }, "--bin")
	value(func(o *options, v string) error {
		n, err := positiveInt("--node-count", v)
		if err == nil {
			o.cfg.Nodes = numberedNodes(0, n)
		}
		return err
	}, "--node-count")
	value(func(o *options, v string) error {
		n, err := positiveInt("--time-limit", v)
		o.cfg.TimeLimit = time.Duration(n) * time.Second
		return err
	}, "--time-limit")
	value(func(o *options, v string) error {
		r, err := strconv.ParseFloat(v, 64)
		if err != nil || r < 0 || math.IsNaN(r) || math.IsInf(r, 0) {
			return usagef("--rate must be a number >= 0, got %q", v)
		}
		o.cfg.Rate = r
		return nil
	}, "--rate")
	value(func(o *options, v string) error {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return usagef("--latency must be an integer number of milliseconds >= 0, got %q", v)
		}
		o.cfg.Latency.MeanMillis = n
		return nil
	}, "--latency")
	value(func(o *options, v string) error {
		o.cfg.Latency.Dist = netsim.Distribution(v)
		return nil
	}, "--latency-dist")
	value(func(o *options, v string) error {
		f, err := nemesis.ParseFaults(v)
		if err != nil {
			return usagef("--nemesis: %v", err)
		}
		o.cfg.Faults = f
		return nil
	}, "--nemesis")
	value(func(o *options, v string) error {
		s, err := strconv.ParseFloat(v, 64)
		if err != nil || s <= 0 || math.IsInf(s, 0) {
			return usagef("--nemesis-interval must be a positive number of seconds, got %q", v)
		}
		o.cfg.NemesisInterval = s
		return nil
	}, "--nemesis-interval")
	value(func(o *options, v string) error {
		if !slices.Contains(topology.Names(), v) {
			return usagef("--topology must be one of %s, got %q", strings.Join(topology.Names(), " "), v)
		}
		o.cfg.Topology = v
		return nil
	}, "--topology")
	value(func(o *options, v string) error { o.concurrency = v; return nil }, "--concurrency")
	value(func(o *options, v string) error {
		if err := (checker.Options{Availability: v}).Validate(); err != nil {
			return usagef("%v", err)
		}
		o.cfg.Availability = v
		return nil
	}, "--availability")
	value(func(o *options, v string) error {
		n, err := positiveInt("--test-count", v)
		o.testCount = n
		return err
	}, "--test-count")
	value(func(o *options, v string) error {
		s, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			return usagef("--seed must be a non-negative integer, got %q", v)
		}
		o.cfg.Seed, o.seedGiven = s, true
		return nil
	}, "--seed")
	value(func(o *options, v string) error {
		s, err := strconv.ParseFloat(v, 64)
		if err != nil || s < 0 || math.IsInf(s, 0) || math.IsNaN(s) {
			return usagef("--recovery-wait must be a number of seconds >= 0, got %q", v)
		}
		o.cfg.RecoveryWait = time.Duration(s * float64(time.Second))
		return nil
	}, "--recovery-wait")
	boolean(func(o *options) { o.cfg.LogStderr = true }, "--log-stderr")
	boolean(func(o *options) { o.cfg.GzipStore = true }, "--gzip-store")
	boolean(func(o *options) { o.cfg.LogNetSend = true }, "--log-net-send")
	boolean(func(o *options) { o.cfg.LogNetRecv = true }, "--log-net-recv")
	boolean(func(o *options) { o.help = true }, "-h", "--help")
}

func positiveInt(name, v string) (int, error) {
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		return 0, usagef("%s must be a positive integer, got %q", name, v)
	}
	return n, nil
}

func numberedNodes(first, count int) []string {
	nodes := make([]string, count)
	for i := range nodes {
		nodes[i] = "n" + strconv.Itoa(first+i)
	}
	return nodes
}

// parseArgs reads `test [options] [--] [node args]`. Non-option words are
// node arguments wherever they appear, as with Maelstrom's parser; anything
// after "--" is a node argument even if it looks like an option.
func parseArgs(args []string) (options, error) {
	o := options{testCount: 1, concurrency: "1n"}
	o.cfg = runner.Config{
		Nodes:           numberedNodes(1, 5), // Jepsen's default n1…n5
		TimeLimit:       60 * time.Second,
		Rate:            5,
		Latency:         netsim.Latency{Dist: netsim.Constant},
		Topology:        topology.Default,
		NemesisInterval: 10,
		RecoveryWait:    10 * time.Second,
		StoreRoot:       "store",
		NodeDir:         os.TempDir(),
	}
	if len(args) == 0 || (args[0] != "test" && args[0] != "-h" && args[0] != "--help") {
		return o, usagef("usage: eddy test --bin BIN [options] [-- node args] | eddy serve [--port N]")
	}
	if args[0] != "test" {
		o.help = true
		return o, nil
	}
	rest := args[1:]
	for i := 0; i < len(rest); i++ {
		arg := rest[i]
		if arg == "--" {
			o.cfg.Args = append(o.cfg.Args, rest[i+1:]...)
			break
		}
		if !strings.HasPrefix(arg, "-") || arg == "-" {
			o.cfg.Args = append(o.cfg.Args, arg)
			continue
		}
		name, val, hasVal := strings.Cut(arg, "=")
		spec, ok := flags[name]
		if !ok {
			return o, usagef("unknown option %s", name)
		}
		if spec.takesValue && !hasVal {
			if i+1 >= len(rest) {
				return o, usagef("option %s needs a value", name)
			}
			i++
			val = rest[i]
		} else if !spec.takesValue && hasVal {
			return o, usagef("option %s takes no value", name)
		}
		if err := spec.apply(&o, val); err != nil {
			return o, err
		}
	}
	if o.help {
		return o, nil
	}
	return o, o.finish()
}

// finish applies the checks that depend on several options.
func (o *options) finish() error {
	if o.cfg.Bin == "" {
		return usagef("--bin is required")
	}
	// Checked now, with the other arguments, so that a typo costs no
	// store directory and no crashed run.
	if err := proc.CheckBin(o.cfg.Bin); err != nil {
		return usagef("--bin %v", err)
	}
	if err := o.cfg.Latency.Validate(); err != nil {
		return usagef("%v", err)
	}
	c, err := parseConcurrency(o.concurrency, len(o.cfg.Nodes))
	if err != nil {
		return err
	}
	o.cfg.Concurrency = c
	return nil
}

// parseConcurrency reads N or Nn (N times the node count).
func parseConcurrency(v string, nodes int) (int, error) {
	mult := 1
	num := v
	if strings.HasSuffix(v, "n") {
		mult, num = nodes, strings.TrimSuffix(v, "n")
	}
	n, err := strconv.Atoi(num)
	if err != nil || n <= 0 {
		return 0, usagef("--concurrency must be a positive integer, optionally followed by n, got %q", v)
	}
	return n * mult, nil
}
