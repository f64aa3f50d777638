package main

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"eddy/internal/nemesis"
	"eddy/internal/netsim"
)

func TestDefaultsAreMaelstroms(t *testing.T) {
	o, err := parseArgs([]string{"test", "-w", "broadcast", "--bin", os.Args[0]})
	if err != nil {
		t.Fatal(err)
	}
	c := o.cfg
	if !slices.Equal(c.Nodes, []string{"n1", "n2", "n3", "n4", "n5"}) || c.Concurrency != 5 ||
		c.TimeLimit != 60*time.Second || c.Rate != 5 || c.Latency != (netsim.Latency{Dist: netsim.Constant}) ||
		c.Topology != "grid" || c.Faults.Any() || c.NemesisInterval != 10 || c.RecoveryWait != 10*time.Second ||
		o.testCount != 1 || o.seedGiven || c.StoreRoot != "store" || c.NodeDir != os.TempDir() {
		t.Errorf("defaults %+v", o)
	}
}

func TestOptionsAndNodeArguments(t *testing.T) {
	o, err := parseArgs(strings.Fields("test --bin " + os.Args[0] + " --node-count 3 --concurrency 2n --rate=2.5 --latency 100 " +
		"--latency-dist exponential --nemesis partition --nemesis-interval 0.5 --topology tree4 --availability 0.9 " +
		"--log-stderr --seed 42 --test-count 3 --recovery-wait 0.25 --gzip-store plain -- --flag value"))
	if err != nil {
		t.Fatal(err)
	}
	c := o.cfg
	if !slices.Equal(c.Nodes, []string{"n0", "n1", "n2"}) || c.Concurrency != 6 || c.Rate != 2.5 ||
		c.Latency != (netsim.Latency{MeanMillis: 100, Dist: netsim.Exponential}) || c.Faults != (nemesis.Faults{Partition: true}) ||
		c.NemesisInterval != 0.5 || c.Topology != "tree4" || c.Availability != "0.9" || !c.LogStderr ||
		c.Seed != 42 || !o.seedGiven || o.testCount != 3 || c.RecoveryWait != 250*time.Millisecond || !c.GzipStore {
		t.Errorf("parsed %+v", o)
	}
	if !slices.Equal(c.Args, []string{"plain", "--flag", "value"}) {
		t.Errorf("node args %q", c.Args)
	}
}

func TestNemesisTakesAnySetOfFaults(t *testing.T) {
	cases := map[string]nemesis.Faults{
		"partition":            {Partition: true},
		"kill":                 {Kill: true},
		"pause":                {Pause: true},
		"kill,pause":           {Kill: true, Pause: true},
		"pause,partition,kill": {Partition: true, Kill: true, Pause: true},
	}
	for list, want := range cases {
		o, err := parseArgs([]string{"test", "--bin", os.Args[0], "--nemesis", list})
		if err != nil || o.cfg.Faults != want {
			t.Errorf("--nemesis %s: %+v, %v; want %+v", list, o.cfg.Faults, err, want)
		}
	}
	_, err := parseArgs([]string{"test", "--bin", os.Args[0], "--nemesis", "kill,clock"})
	if err == nil || !strings.Contains(err.Error(), `"clock"`) {
		t.Errorf("an unknown fault: %v, want a usage error naming it", err)
	}
}

func TestBadArgumentsExit254(t *testing.T) {
	bad := [][]string{
		{},
		{"serve", "--frobnicate"},
		{"test", "--bin"},
		{"test"},
		{"test", "--bin", "x", "-w", "lin-kv"},
		{"test", "--bin", "x", "--time-limit", "0"},
		{"test", "--bin", "x", "--time-limit", "1.5"},
		{"test", "--bin", "x", "--rate", "-1"},
		{"test", "--bin", "x", "--latency", "-3"},
		{"test", "--bin", "x", "--latency-dist", "normal"},
		{"test", "--bin", "x", "--latency-dist", "uniform"}, // mean 0: Maelstrom would hang
		{"test", "--bin", "x", "--nemesis", "partition,clock"},
		{"test", "--bin", "x", "--nemesis-interval", "0"},
		{"test", "--bin", "x", "--topology", "star"},
		{"test", "--bin", "x", "--concurrency", "0"},
		{"test", "--bin", "x", "--concurrency", "xn"},
		{"test", "--bin", "x", "--availability", "1.5"},
		{"test", "--bin", "x", "--node-count", "0"},
		{"test", "--bin", "x", "--test-count", "0"},
		{"test", "--bin", "x", "--seed", "-1"},
		{"test", "--bin", "x", "--frobnicate"},
		{"test", "--bin", "x", "--log-stderr=yes"},
	}
	// Every case but the --bin ones names a real binary, so that each
	// fails for its own reason.
	for _, args := range bad {
		for i, a := range args {
			if a == "x" {
				args[i] = os.Args[0]
			}
		}
	}
	bad = append(bad,
		[]string{"test", "--bin", "./no-such-node"},
		[]string{"test", "--bin", os.TempDir()},
	)
	sink, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer sink.Close()
	for _, args := range bad {
		if code := run(args, sink, sink); code != exitUsage {
			t.Errorf("eddy %q exited %d, want %d", args, code, exitUsage)
		}
	}
	if code := run([]string{"--help"}, sink, sink); code != 0 {
		t.Errorf("--help exited %d", code)
	}
}
