package report

import (
	"slices"
	"testing"

	"eddy/internal/history"
)

func TestClientOpsPairEachInvocationWithItsProcessCompletion(t *testing.T) {
	in := &Input{Nodes: []string{"n0", "n1"}, Concurrency: 2, History: history.History{
		{Time: 0, Type: history.Invoke, Process: 0, F: history.FBroadcast, Value: history.Element(1)},
		{Time: 1, Type: history.Invoke, Process: 1, F: history.FRead},
		{Time: 2, Type: history.Info, Process: history.NemesisProcess, F: history.FStartPartition, Value: history.EDN(":one")},
		{Time: 5, Type: history.OK, Process: 1, F: history.FRead, Value: history.ReadOf(1)},
		{Time: 9, Type: history.Info, Process: 0, F: history.FBroadcast, Value: history.Element(1)},
		{Time: 10, Type: history.Invoke, Process: 2, F: history.FRead}, // never completes
	}}
	got := clientOps(in)
	want := []clientOp{
		{F: history.FRead, Type: history.OK, Invoke: 1, Complete: 5, Node: "n1", Value: history.ReadOf(1)},
		{F: history.FBroadcast, Type: history.Info, Invoke: 0, Complete: 9, Node: "n0", Value: history.Element(1)},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i].F != want[i].F || got[i].Type != want[i].Type || got[i].Invoke != want[i].Invoke ||
			got[i].Complete != want[i].Complete || got[i].Node != want[i].Node {
			t.Errorf("op %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if (&Input{Nodes: []string{"n0", "n1"}, Concurrency: 4}).nodeOf(7) != "n1" {
		t.Error("process 7 of 4 workers is worker 3, which talks to n1")
	}
}

func TestPartitionsPairStartsWithTheNextHeal(t *testing.T) {
	nem := func(at int64, f string, v history.Value) history.Op {
		return history.Op{Time: at, Type: history.Info, Process: history.NemesisProcess, F: f, Value: v}
	}
	h := history.History{
		nem(0, history.FStartPartition, history.EDN(":majority")), nem(1, history.FStartPartition, history.Isolated{Text: "[:isolated {}]"}),
		nem(10, history.FStopPartition, nil), nem(11, history.FStopPartition, history.EDN(":network-healed")),
		// The final phase heals again, with nothing in force.
		nem(20, history.FStopPartition, nil), nem(21, history.FStopPartition, history.EDN(":network-healed")),
		nem(30, history.FStartPartition, history.EDN(":one")), nem(31, history.FStartPartition, history.Isolated{Text: "[:isolated {\"n1\" #{}}]"}),
	}
	got := partitions(h, 40)
	want := []partition{
		{Start: 0, End: 10, Spec: ":majority", Grudge: "[:isolated {}]"},
		{Start: 30, End: 40, Spec: ":one", Grudge: "[:isolated {\"n1\" #{}}]"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("partitions = %+v, want %+v", got, want)
	}
}

func TestSpreadIsBoundedByTheReadsEitherSide(t *testing.T) {
	nodes := []string{"n0", "n1", "n2"}
	read := func(node string, inv, done int64, vals ...int64) clientOp {
		return clientOp{F: history.FRead, Type: history.OK, Invoke: inv, Complete: done, Node: node, Value: history.ReadOf(vals...)}
	}
	ops := []clientOp{
		{F: history.FBroadcast, Type: history.OK, Invoke: 100, Complete: 101, Node: "n0", Value: history.Element(7)},
		{F: history.FBroadcast, Type: history.Fail, Invoke: 100, Complete: 101, Node: "n0", Value: history.Element(8)},
		{F: history.FBroadcast, Type: history.Info, Invoke: 100, Complete: 200, Node: "n2", Value: history.Element(9)},
		read("n1", 50, 51), // before the broadcast: proves nothing
		read("n1", 120, 121),
		read("n1", 150, 155, 7, 9),
		read("n2", 130, 131),
		read("n2", 140, 141, 7),
		read("n2", 300, 301, 7),
		read("n0", 400, 401, 7),
	}
	got := spreads(ops, nodes)
	want := []spread{
		// n1 missed 7 in the read invoked at 120 and showed it at 155; n2
		// missed it at 130 and showed it at 141.
		{Value: 7, Sent: 100, Everywhere: true, Lo: 30, Hi: 55},
		// 9 never showed on n0 (its last read, invoked at 400, missed it),
		// nor on n2, whose broadcast timed out and whose reads missed it.
		{Value: 9, Sent: 100, Everywhere: false, Lo: 300},
	}
	if !slices.Equal(got, want) {
		t.Errorf("spreads = %+v, want %+v", got, want)
	}
}

func TestProcessFaultsRunFromTheFaultToWhatEndsIt(t *testing.T) {
	nem := func(at int64, f string, v history.Value) history.Op {
		return history.Op{Time: at, Type: history.Info, Process: history.NemesisProcess, F: f, Value: v}
	}
	outcomes := func(of map[string]string) history.Outcomes { return history.Outcomes{Of: of} }
	h := history.History{
		nem(0, history.FKill, history.EDN(":majority")), nem(1, history.FKill, outcomes(map[string]string{"n2": history.Killed, "n0": history.Killed})),
		nem(2, history.FPause, nil), nem(3, history.FPause, outcomes(map[string]string{"n1": history.Paused, "n0": history.NotRunning})),
		nem(5, history.FStartPartition, history.EDN(":one")), nem(6, history.FStartPartition, history.Isolated{}),
		nem(10, history.FStart, history.EDN(":all")), nem(11, history.FStart, outcomes(map[string]string{"n0": history.Started})),
		// The final resume and start, one with nothing in force.
		nem(20, history.FResume, history.EDN(":all")), nem(21, history.FResume, outcomes(nil)),
		nem(22, history.FStart, history.EDN(":all")), nem(23, history.FStart, outcomes(nil)),
		nem(30, history.FKill, history.EDN(":one")), nem(31, history.FKill, outcomes(map[string]string{"n1": history.Killed})),
	}
	got := processFaults(h, 40)
	want := []processFault{
		{F: history.FKill, Start: 0, End: 10, Target: ":majority", Nodes: []string{"n0", "n2"}},
		{F: history.FPause, Start: 2, End: 20, Target: "nil", Nodes: []string{"n1"}},
		{F: history.FKill, Start: 30, End: 40, Target: ":one", Nodes: []string{"n1"}},
	}
	if len(got) != len(want) {
		t.Fatalf("faults = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i].F != want[i].F || got[i].Start != want[i].Start || got[i].End != want[i].End ||
			got[i].Target != want[i].Target || !slices.Equal(got[i].Nodes, want[i].Nodes) {
			t.Errorf("fault %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	shades := shadesOf(partitions(h, 40), got)
	kinds := map[bandKind]int{}
	for _, s := range shades {
		kinds[s.Kind]++
	}
	if kinds[partitioned] != 1 || kinds[killed] != 2 || kinds[paused] != 1 {
		t.Errorf("shades %+v", shades)
	}
}
