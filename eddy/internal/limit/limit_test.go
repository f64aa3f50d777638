package limit

import (
	"slices"
	"strconv"
	"testing"
	"time"

	"eddy/internal/checker"
	"eddy/internal/faults"
	"eddy/internal/history"
)

const hop = int64(100 * time.Millisecond)

func ms(x int64) int64 { return x * int64(time.Millisecond) }

var three = []string{"n0", "n1", "n2"}

// builder writes a hand-made history; client process p talks to node
// n(p mod 3).
type builder struct{ h history.History }

func (b *builder) op(p int, t history.Type, f string, v history.Value, at int64) *builder {
	op := history.Op{Time: at, Type: t, Process: p, F: f, Value: v}
	if op.IsClient() {
		op.Node = "n" + strconv.Itoa(p%len(three))
	}
	b.h.Append(op)
	return b
}

func (b *builder) broadcast(p int, e, inv, ack int64) *builder {
	return b.op(p, history.Invoke, history.FBroadcast, history.Element(e), inv).
		op(p, history.OK, history.FBroadcast, history.Element(e), ack)
}

func (b *builder) read(p int, inv, done int64, seen ...int64) *builder {
	return b.op(p, history.Invoke, history.FRead, nil, inv).
		op(p, history.OK, history.FRead, history.ReadOf(seen...), done)
}

func (b *builder) partition(at int64, drops map[string][]string) *builder {
	b.op(history.NemesisProcess, history.Info, history.FStartPartition, history.EDN(":majority"), at)
	return b.op(history.NemesisProcess, history.Info, history.FStartPartition, history.Isolated{Drops: drops, Text: "[:isolated {}]"}, at)
}

func (b *builder) heal(at int64) *builder {
	b.op(history.NemesisProcess, history.Info, history.FStopPartition, nil, at)
	return b.op(history.NemesisProcess, history.Info, history.FStopPartition, history.EDN(":network-healed"), at)
}

// isolate cuts node off from every other node of nodes, both ways.
func isolate(node string, nodes ...string) map[string][]string {
	drops := map[string][]string{}
	for _, n := range nodes {
		if n != node {
			drops[node] = append(drops[node], n)
			drops[n] = []string{node}
		}
	}
	return drops
}

func arrivals(t *testing.T, b *builder, nodes []string, origin int) []int64 {
	t.Helper()
	start := make([]int64, len(nodes))
	for i := range start {
		start[i] = never
	}
	start[origin] = 0
	tl := faults.Of(b.h, nodes)
	return flood(start, hop, worldOf(&tl, nodes))
}

func TestWithoutPartitionsEveryOtherNodeIsOneHopAway(t *testing.T) {
	got := arrivals(t, &builder{}, three, 0)
	if want := []int64{0, hop, hop}; !slices.Equal(got, want) {
		t.Errorf("arrivals = %v, want %v", got, want)
	}
}

func TestAHopLandsOnlyIfThePartitionAtItsArrivalAllows(t *testing.T) {
	cases := []struct {
		name     string
		from, to int64 // n2 isolated in [from, to)
		want     int64 // arrival at n2
	}{
		{"cut at the send, healed before the arrival", 0, ms(50), hop},
		{"cut before the arrival, healed after", ms(50), ms(500), ms(500)},
		{"cut starting exactly at the arrival", hop, ms(300), ms(300)},
		{"cut ending exactly at the arrival", 0, hop, hop},
		{"cut after the arrival", hop + 1, ms(300), hop},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b builder
			b.partition(c.from, isolate("n2", "n0", "n1", "n2")).heal(c.to)
			got := arrivals(t, &b, three, 0)
			if want := []int64{0, hop, c.want}; !slices.Equal(got, want) {
				t.Errorf("arrivals = %v, want %v", got, want)
			}
		})
	}
}

func TestARingRelaysThroughABridgeNode(t *testing.T) {
	// n0 and n2 drop each other; n1 hears both and relays in two hops,
	// long before the heal at 10 s.
	var b builder
	b.partition(0, map[string][]string{"n0": {"n2"}, "n2": {"n0"}, "n1": {}}).heal(ms(10_000))
	got := arrivals(t, &b, three, 0)
	if want := []int64{0, hop, 2 * hop}; !slices.Equal(got, want) {
		t.Errorf("arrivals = %v, want %v", got, want)
	}
}

func TestAValueNeverReachesANodeCutOffForGood(t *testing.T) {
	var b builder
	b.partition(0, isolate("n2", "n0", "n1", "n2"))
	got := arrivals(t, &b, three, 0)
	if want := []int64{0, hop, never}; !slices.Equal(got, want) {
		t.Errorf("arrivals = %v, want %v", got, want)
	}
}

func TestBackToBackCutsAreCheckedAgainAtEachHeal(t *testing.T) {
	// n2 is cut off, then at the heal a new cut isolates it again; only
	// the second heal lets the value in.
	var b builder
	b.partition(0, isolate("n2", "n0", "n1", "n2")).heal(ms(200)).
		partition(ms(200), isolate("n2", "n0", "n1", "n2")).heal(ms(700))
	got := arrivals(t, &b, three, 0)
	if want := []int64{0, hop, ms(700)}; !slices.Equal(got, want) {
		t.Errorf("arrivals = %v, want %v", got, want)
	}
}

// network is the three nodes with the faults of h.
func network(h history.History) Network {
	tl := faults.Of(h, three)
	return Network{Nodes: three, Hop: time.Duration(hop), Faults: &tl}
}

func TestComputeScoresThePerfectBroadcastWithTheRunsReads(t *testing.T) {
	// Value 1 from n0 at 0, acknowledged at once. The run's node was slow:
	// n1 still missed it at 300 ms. The perfect broadcast had it on n1
	// after one hop, so n1's read invoked 1 ns before 100 ms is the last
	// to miss it: the limit is one hop, and the excess is 200 ms.
	var b builder
	b.broadcast(0, 1, 0, 0).
		read(1, hop-1, hop+ms(1)).
		read(1, ms(300), ms(301)).
		read(2, ms(400), ms(401), 1).
		read(1, ms(500), ms(501), 1)
	actual := checker.SetFull(b.h)
	if actual.StableLatencies == nil || actual.StableLatencies.Max != 300 {
		t.Fatalf("actual = %+v", actual.StableLatencies)
	}
	r := Compute(b.h, actual, network(b.h))
	if r.Limit == nil || r.Limit.Median != 100 || r.Limit.Max != 100 {
		t.Fatalf("limit = %+v, want 100 ms", r.Limit)
	}
	if r.Excess == nil || r.Excess.Median != 200 || r.Excess.Max != 200 {
		t.Errorf("excess = %+v, want 200 ms", r.Excess)
	}
	if want := []Pair{{Element: 1, Actual: 300, Limit: 100}}; !slices.Equal(r.Pairs, want) {
		t.Errorf("pairs = %+v, want %+v", r.Pairs, want)
	}
	// The history handed in is left as it was.
	if read, _ := b.h[5].ReadValue(); len(read) != 0 {
		t.Errorf("the run's read changed: %v", read)
	}
}

func TestComputeWaitsForTheHealAndCountsAnUnreachableValueLost(t *testing.T) {
	var b builder
	b.partition(0, isolate("n2", "n0", "n1", "n2")).
		broadcast(0, 1, ms(10), ms(10)).
		read(2, ms(400), ms(401)).
		heal(ms(500)).
		read(2, ms(600), ms(601), 1).
		read(1, ms(700), ms(701), 1)
	r := Compute(b.h, checker.SetFull(b.h), network(b.h))
	if r.Limit == nil || r.Limit.Max != 390 {
		t.Errorf("limit = %+v, want 390 ms (the heal at 500 ms landed it on n2)", r.Limit)
	}

	var cut builder
	cut.partition(0, isolate("n2", "n0", "n1", "n2")).
		broadcast(0, 1, ms(10), ms(10)).
		read(1, ms(600), ms(601), 1).
		read(2, ms(700), ms(701), 1) // the node under test cheated
	r = Compute(cut.h, checker.SetFull(cut.h), network(cut.h))
	if r.Workload.LostCount != 1 || r.Limit != nil || r.Excess != nil {
		t.Errorf("limit workload = %+v, limit %+v: the perfect broadcast cannot reach n2", r.Workload, r.Limit)
	}
}

func TestAFailedBroadcastDoesNotFlood(t *testing.T) {
	var b builder
	b.op(0, history.Invoke, history.FBroadcast, history.Element(1), 0).
		op(0, history.Fail, history.FBroadcast, history.Element(1), ms(1)).
		read(1, ms(500), ms(501))
	r := Compute(b.h, checker.SetFull(b.h), network(b.h))
	if r.Workload.StableCount != 0 || r.Workload.LostCount != 0 {
		t.Errorf("limit workload = %+v", r.Workload)
	}
}

// landed sets when the request of the op completed at position i (a
// completion) reached its node.
func (b *builder) landed(i int, at int64) *builder {
	b.h[i].Landed = at
	return b
}

func TestAValueFloodsFromWhenItsRequestLanded(t *testing.T) {
	// Value 1 is invoked at 0, but its request waits behind a server
	// message at n0 and lands at 250 ms (acknowledged at 251 ms): no node
	// can have it sooner, so n1 has it at 350 ms, and n1's read at 300 ms
	// misses it. Set-full measures from the acknowledgement: 49 ms. Had it
	// flooded from the invocation, n1 would have had it at 100 ms and no
	// read would have missed it.
	var b builder
	b.broadcast(0, 1, 0, ms(251)).landed(1, ms(250)).
		read(1, ms(300), ms(301)).
		read(1, ms(400), ms(401), 1)
	r := Compute(b.h, checker.SetFull(b.h), network(b.h))
	if r.Limit == nil || r.Limit.Max != 49 {
		t.Errorf("limit = %+v, want 49 ms (flooding from the landing at 250 ms)", r.Limit)
	}
}

func TestAReadIsAnsweredWhenItsRequestLanded(t *testing.T) {
	// The read invoked at 50 ms lands at n1 at 150 ms, after value 1
	// (one hop from n0) did: the perfect node's answer holds it, so no
	// read misses it and its stable latency is the later read's proof.
	var b builder
	b.broadcast(0, 1, 0, 0).
		read(1, ms(50), ms(151), 1).landed(3, ms(150)).
		read(1, ms(400), ms(401), 1)
	r := Compute(b.h, checker.SetFull(b.h), network(b.h))
	if r.Limit == nil || r.Limit.Max != 0 {
		t.Errorf("limit = %+v, want 0 ms: the read landed after the value did", r.Limit)
	}
	// Without the landing the read counts at its invocation and misses it.
	b.h[3].Landed = 0
	r = Compute(b.h, checker.SetFull(b.h), network(b.h))
	if r.Limit == nil || r.Limit.Max != 50 {
		t.Errorf("limit = %+v, want 50 ms with the read answered at its invocation", r.Limit)
	}
}

func TestALandingBeforeTheInvocationIsIgnored(t *testing.T) {
	// A Landed before the invocation (like a zero, unknown, one) falls
	// back to the invocation: n1 has value 1 at 110 ms, so its read at
	// 100 ms misses it, 89 ms after the acknowledgement.
	var b builder
	b.broadcast(0, 1, ms(10), ms(11)).landed(1, ms(5)).
		read(1, ms(100), ms(101)).
		read(1, ms(300), ms(301), 1)
	r := Compute(b.h, checker.SetFull(b.h), network(b.h))
	if r.Limit == nil || r.Limit.Max != 89 {
		t.Errorf("limit = %+v, want 89 ms (flooding from the invocation at 10 ms)", r.Limit)
	}
}
