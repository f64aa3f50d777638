package faults

import (
	"slices"
	"testing"

	"eddy/internal/history"
)

var three = []string{"n0", "n1", "n2"}

// nem is one nemesis entry (both invocations and completions are :info).
func nem(at int64, f string, v history.Value) history.Op {
	return history.Op{Time: at, Type: history.Info, Process: history.NemesisProcess, F: f, Value: v}
}

func outcomes(of map[string]string) history.Outcomes { return history.Outcomes{Of: of, Text: "{}"} }

// fault is a kill, start, pause or resume of every node: its invocation
// at at and its completion, with what it did to each node, at at+1.
func fault(at int64, f string, of map[string]string) []history.Op {
	return []history.Op{nem(at, f, history.EDN(":all")), nem(at+1, f, outcomes(of))}
}

func historyOf(parts ...[]history.Op) history.History {
	var h history.History
	for _, p := range parts {
		for _, op := range p {
			h.Append(op)
		}
	}
	return h
}

func TestAPartitionRunsFromItsCompletionToTheHealsCompletion(t *testing.T) {
	g := history.Isolated{Drops: map[string][]string{"n0": {"n1"}, "n1": {"n0"}}, Text: "[:isolated …]"}
	h := historyOf(
		[]history.Op{nem(0, history.FStartPartition, history.EDN(":majority")), nem(1, history.FStartPartition, g)},
		[]history.Op{nem(10, history.FStopPartition, nil), nem(11, history.FStopPartition, history.EDN(":network-healed"))},
		// The final phase heals again, with nothing in force.
		[]history.Op{nem(20, history.FStopPartition, nil), nem(21, history.FStopPartition, history.EDN(":network-healed"))},
		[]history.Op{nem(30, history.FStartPartition, history.EDN(":one")), nem(31, history.FStartPartition, g)},
	)
	tl := Of(h, three)
	if len(tl.Partitions) != 2 {
		t.Fatalf("partitions %+v", tl.Partitions)
	}
	if p := tl.Partitions[0]; p.Interval != (Interval{1, 11}) || p.Spec != ":majority" || p.Grudge.Text != "[:isolated …]" {
		t.Errorf("first partition %+v", p)
	}
	if p := tl.Partitions[1]; p.Interval != (Interval{31, Open}) || p.Spec != ":one" {
		t.Errorf("an unhealed partition runs to the end: %+v", p)
	}
	for _, c := range []struct {
		at  int64
		cut bool
	}{{0, false}, {1, true}, {10, true}, {11, false}, {30, false}, {31, true}, {1 << 60, true}} {
		if _, cut := tl.PartitionAt(c.at); cut != c.cut {
			t.Errorf("at %d cut = %v, want %v", c.at, cut, c.cut)
		}
	}
	p, _ := tl.PartitionAt(5)
	if !p.Drops("n0", "n1") || p.Drops("n0", "n2") {
		t.Errorf("drops wrong: %+v", p.Grudge)
	}
	if tl.Hear("n0", "n1", 5) || !tl.Hear("n0", "n2", 5) || !tl.Hear("n0", "n1", 12) {
		t.Error("Hear does not follow the grudge")
	}
}

func TestDownSpansFollowEachNodesState(t *testing.T) {
	h := historyOf(
		fault(10, history.FPause, map[string]string{"n0": history.Paused, "n1": history.Paused}),
		fault(20, history.FKill, map[string]string{"n0": history.Killed, "n2": history.Killed}),
		fault(30, history.FResume, map[string]string{"n0": history.NotRunning, "n1": history.Resumed, "n2": history.NotRunning}),
		// A start whose init failed records an error, not outcomes: it
		// brings nobody back.
		[]history.Op{nem(40, history.FStart, history.EDN(":all")), nem(45, history.FStart, history.EDN(":all"))},
		fault(50, history.FStart, map[string]string{"n0": history.Started, "n1": history.AlreadyRunning, "n2": history.AlreadyRunning}),
		fault(60, history.FKill, map[string]string{"n1": history.Crashed}),
		fault(70, history.FStart, map[string]string{"n0": history.AlreadyRunning, "n1": history.Crashed, "n2": history.AlreadyRunning}),
		fault(80, history.FPause, map[string]string{"n2": history.Paused}),
		fault(85, history.FStart, map[string]string{"n2": history.AlreadyRunning}),
	)
	tl := Of(h, three)
	want := map[string][]Interval{
		"n0": {{11, 51}},             // paused, then killed, then started
		"n1": {{11, 31}, {61, Open}}, // paused and resumed; crashed for good
		"n2": {{21, 51}, {81, Open}}, // killed, back on already-running; paused and never resumed
	}
	for node, spans := range want {
		if got := tl.Downs(node); !slices.Equal(got, spans) {
			t.Errorf("%s down %v, want %v", node, got, spans)
		}
	}
	for _, c := range []struct {
		node   string
		at, up int64
	}{{"n0", 5, 5}, {"n0", 11, 51}, {"n0", 51, 51}, {"n1", 65, Open}, {"n2", 30, 51}} {
		if up := tl.UpAt(c.node, c.at); up != c.up {
			t.Errorf("%s UpAt(%d) = %d, want %d", c.node, c.at, up, c.up)
		}
	}
	if !tl.Down("n0", 11) || tl.Down("n0", 10) || tl.Hear("n0", "n1", 40) || !tl.Hear("n0", "n2", 55) {
		t.Error("Down and Hear do not follow the spans")
	}
	if c := tl.Counts; c != (Counts{Kills: 2, KilledNodes: 2, Pauses: 2, PausedNodes: 3, Restarts: 1}) {
		t.Errorf("counts %+v", c)
	}
}

func TestProcessFaultsRunFromTheirCompletionToTheCompletionThatEndsThem(t *testing.T) {
	h := historyOf(
		[]history.Op{nem(0, history.FKill, history.EDN(":majority")), nem(1, history.FKill, outcomes(map[string]string{"n2": history.Killed, "n0": history.Killed}))},
		[]history.Op{nem(2, history.FPause, nil), nem(3, history.FPause, outcomes(map[string]string{"n1": history.Paused, "n0": history.NotRunning}))},
		[]history.Op{nem(5, history.FStartPartition, history.EDN(":one")), nem(6, history.FStartPartition, history.Isolated{})},
		[]history.Op{nem(10, history.FStart, history.EDN(":all")), nem(11, history.FStart, outcomes(map[string]string{"n0": history.Started}))},
		// The final resume and start, one with nothing in force.
		[]history.Op{nem(20, history.FResume, history.EDN(":all")), nem(21, history.FResume, outcomes(nil))},
		[]history.Op{nem(22, history.FStart, history.EDN(":all")), nem(23, history.FStart, outcomes(nil))},
		[]history.Op{nem(30, history.FKill, history.EDN(":one")), nem(31, history.FKill, outcomes(map[string]string{"n1": history.Killed}))},
	)
	got := Of(h, three).Processes
	want := []ProcessFault{
		{F: history.FKill, Interval: Interval{1, 11}, Target: ":majority", Nodes: []string{"n0", "n2"}},
		{F: history.FPause, Interval: Interval{3, 21}, Target: "nil", Nodes: []string{"n1"}},
		{F: history.FKill, Interval: Interval{31, Open}, Target: ":one", Nodes: []string{"n1"}},
	}
	if len(got) != len(want) {
		t.Fatalf("faults = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i].F != want[i].F || got[i].Interval != want[i].Interval || got[i].Target != want[i].Target || !slices.Equal(got[i].Nodes, want[i].Nodes) {
			t.Errorf("fault %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestNodesAreListedInTheRunsOrder(t *testing.T) {
	nodes := []string{"n1", "n2", "n10"}
	h := historyOf(fault(0, history.FKill, map[string]string{"n10": history.Killed, "n2": history.Killed, "n9": history.Killed}))
	tl := Of(h, nodes)
	if got := tl.Processes[0].Nodes; !slices.Equal(got, []string{"n2", "n10", "n9"}) {
		t.Errorf("nodes %v: the run's order, then the unknown ones", got)
	}
	if got := tl.Nodes(); !slices.Equal(got, []string{"n1", "n2", "n10", "n9"}) {
		t.Errorf("timeline nodes %v", got)
	}
}
