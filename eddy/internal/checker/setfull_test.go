package checker

import (
	"slices"
	"testing"

	"eddy/internal/history"
)

// workedExample is the §6.3 example of docs/SEMANTICS.md: five nodes that never
// gossip, 21 broadcasts each acknowledged by the node it was sent to, and
// five final reads invoked in the order w2, w3, w0, w1, w4, where w4's node
// only ever received 8.
func workedExample() history.History {
	var b builder
	nodeOf := func(v int64) int {
		if v == 8 {
			return 4
		}
		return int(v % 4)
	}
	held := map[int][]int64{}
	for v := int64(0); v <= 20; v++ {
		p := nodeOf(v)
		b.Broadcast(p, v, ms(100*v), ms(100*v+1))
		held[p] = append(held[p], v)
	}
	for i, p := range []int{2, 3, 0, 1, 4} {
		b.Invoke(p, history.FRead, nil, ms(5000+int64(i)))
	}
	for p := 0; p < 5; p++ {
		b.Complete(p, history.OK, history.FRead, ints(held[p]...), ms(5010+int64(p)))
	}
	for i := range b.H {
		if b.H[i].Type == history.Invoke && b.H[i].F == history.FRead {
			b.H[i].Final = true
		}
	}
	return b.H
}

func TestWorkedExampleFromTheFactSheet(t *testing.T) {
	r := Check(workedExample(), NetCounts{}, Options{})
	w := r.Workload
	if w.AttemptCount != 21 || w.StableCount != 1 || w.StaleCount != 1 || w.LostCount != 20 || w.NeverReadCount != 0 {
		t.Fatalf("attempt %d stable %d stale %d lost %d never-read %d; want 21 1 1 20 0",
			w.AttemptCount, w.StableCount, w.StaleCount, w.LostCount, w.NeverReadCount)
	}
	if !slices.Equal(w.Stale, []int64{8}) {
		t.Errorf("stale = %v, want [8]", w.Stale)
	}
	var wantLost []int64
	for v := int64(0); v <= 20; v++ {
		if v != 8 {
			wantLost = append(wantLost, v)
		}
	}
	if !slices.Equal(w.Lost, wantLost) {
		t.Errorf("lost = %v, want %v", w.Lost, wantLost)
	}
	if w.Valid != False || r.Valid() != False {
		t.Errorf("workload valid %v, overall %v; want false, false", w.Valid, r.Valid())
	}
	// 8 was acknowledged at 801 ms; w1's read, invoked at 5003 ms, was the
	// last to miss it.
	if got := w.WorstStale[0]; got.Element != 8 || got.StableLatency != 4202 || got.LastAbsent.Process != 1 {
		t.Errorf("worst stale = %+v, want element 8, 4202 ms, last absent from process 1", got)
	}
	// 0 lives on node 0, acknowledged at 1 ms and last seen by w0's read
	// invoked at 5002 ms.
	if got, _ := element(w, 0); got.Outcome != Lost || got.LostLatency != 5001 {
		t.Errorf("element 0 = %+v, want lost after 5001 ms", got)
	}
	if line, code := r.Verdict(); line != VerdictInvalid || code != 1 {
		t.Errorf("verdict = %q, %d", line, code)
	}
}

func TestSetFullElementOutcomes(t *testing.T) {
	tests := []struct {
		name          string
		history       func(b *builder)
		outcome       Outcome
		stableLatency int64
		lostLatency   int64
	}{
		{
			name: "acknowledged and seen by every later read is stable at 0 ms",
			history: func(b *builder) {
				b.Broadcast(0, 1, ms(0), ms(1)).Read(1, ints(1), ms(5), ms(6))
			},
			outcome: Stable,
		},
		{
			name: "missed, then seen by a later-invoked read, is stale",
			history: func(b *builder) {
				b.Broadcast(0, 1, ms(0), ms(1)).
					Read(1, ints(), ms(3)-1, ms(4)).
					Read(1, ints(1), ms(5), ms(6))
			},
			// (3 ms − 1 ns) + 1 ns − 1 ms: the +1 ns makes it exactly 2 ms.
			outcome: Stable, stableLatency: 2,
		},
		{
			name: "latency truncates to whole milliseconds",
			history: func(b *builder) {
				b.Broadcast(0, 1, ms(0), ms(1)).
					Read(1, ints(), ms(3)-2, ms(4)).
					Read(1, ints(1), ms(5), ms(6))
			},
			outcome: Stable, stableLatency: 1,
		},
		{
			name: "a read invoked before the ack that missed it clamps to 0 ms",
			history: func(b *builder) {
				b.Invoke(0, history.FBroadcast, history.Element(1), ms(0)).
					Invoke(1, history.FRead, nil, ms(1)).
					Complete(0, history.OK, history.FBroadcast, history.Element(1), ms(5)).
					Complete(1, history.OK, history.FRead, ints(), ms(6)).
					Read(1, ints(1), ms(7), ms(8))
			},
			outcome: Stable,
		},
		{
			name: "acknowledged, then missing from the last read is lost",
			history: func(b *builder) {
				b.Broadcast(0, 1, ms(0), ms(1)).
					Read(1, ints(1), ms(10), ms(11)).
					Read(2, ints(), ms(20), ms(21))
			},
			// Last seen by the read invoked at 10 ms: 10 ms + 1 ns − 1 ms.
			outcome: Lost, lostLatency: 9,
		},
		{
			name: "lost without ever being seen has lost latency 0",
			history: func(b *builder) {
				b.Broadcast(0, 1, ms(0), ms(1)).Read(2, ints(), ms(20), ms(21))
			},
			outcome: Lost,
		},
		{
			name: "acknowledged but never read afterwards is never-read",
			history: func(b *builder) {
				b.Read(1, ints(), ms(0), ms(1)).Broadcast(0, 1, ms(5), ms(6))
			},
			outcome: NeverRead,
		},
		{
			name: "a timed-out broadcast nobody saw is never-read, not lost",
			history: func(b *builder) {
				b.Invoke(0, history.FBroadcast, history.Element(1), ms(0)).
					Complete(0, history.Info, history.FBroadcast, history.Element(1), ms(5000)).
					Read(1, ints(), ms(6000), ms(6001))
			},
			outcome: NeverRead,
		},
		{
			name: "a failed broadcast nobody saw is never-read",
			history: func(b *builder) {
				b.Invoke(0, history.FBroadcast, history.Element(1), ms(0)).
					Complete(0, history.Fail, history.FBroadcast, history.Element(1), ms(1)).
					Read(1, ints(), ms(6), ms(7))
			},
			outcome: NeverRead,
		},
		{
			name: "a timed-out broadcast seen by a read is known from that read",
			history: func(b *builder) {
				b.Invoke(0, history.FBroadcast, history.Element(1), ms(0)).
					Complete(0, history.Info, history.FBroadcast, history.Element(1), ms(5000)).
					Read(1, ints(1), ms(10), ms(12)).
					Read(2, ints(), ms(20), ms(21)).
					Read(1, ints(1), ms(30), ms(31))
			},
			// Known at the first read's completion (12 ms); last missed by the
			// read invoked at 20 ms.
			outcome: Stable, stableLatency: 8,
		},
		{
			name: "a read concurrent with the broadcast that missed it is never-read",
			history: func(b *builder) {
				b.Invoke(0, history.FBroadcast, history.Element(1), ms(0)).
					Invoke(1, history.FRead, nil, ms(1)).
					Complete(0, history.OK, history.FBroadcast, history.Element(1), ms(2)).
					Complete(1, history.OK, history.FRead, ints(), ms(3))
			},
			outcome: NeverRead,
		},
		{
			name: "the later invocation decides, not the later completion (lost)",
			history: func(b *builder) {
				b.Broadcast(0, 1, ms(0), ms(1)).
					Invoke(1, history.FRead, nil, ms(10)).
					Read(2, ints(), ms(11), ms(12)).
					Complete(1, history.OK, history.FRead, ints(1), ms(13))
			},
			outcome: Lost, lostLatency: 9,
		},
		{
			name: "the later invocation decides, not the later completion (stable)",
			history: func(b *builder) {
				b.Broadcast(0, 1, ms(0), ms(1)).
					Invoke(1, history.FRead, nil, ms(10)).
					Read(2, ints(1), ms(11), ms(12)).
					Complete(1, history.OK, history.FRead, ints(), ms(13))
			},
			outcome: Stable, stableLatency: 9,
		},
		{
			name: "1.0 and \"1\" are not 1",
			history: func(b *builder) {
				b.Broadcast(0, 1, ms(0), ms(1)).
					Read(1, history.Read{raw("1.0"), raw(`"1"`), {Int: 2}}, ms(5), ms(6))
			},
			outcome: Lost,
		},
		{
			name: "failed and timed-out reads are ignored",
			history: func(b *builder) {
				b.Broadcast(0, 1, ms(0), ms(1)).
					Read(1, ints(1), ms(5), ms(6)).
					Invoke(2, history.FRead, nil, ms(7)).
					Complete(2, history.Fail, history.FRead, nil, ms(8)).
					Invoke(3, history.FRead, nil, ms(9)).
					Complete(3, history.Info, history.FRead, nil, ms(10))
			},
			outcome: Stable,
		},
		{
			name: "repeated values in a read are fine",
			history: func(b *builder) {
				b.Broadcast(0, 1, ms(0), ms(1)).Read(1, ints(1, 1, 1), ms(5), ms(6))
			},
			outcome: Stable,
		},
		{
			name: "a valueless completion takes its invocation's value",
			history: func(b *builder) {
				b.Invoke(0, history.FBroadcast, history.Element(1), 0).
					Complete(0, history.OK, history.FBroadcast, nil, ms(1)).
					Read(1, ints(), ms(3)-1, ms(4)).
					Invoke(1, history.FRead, nil, ms(5)).
					Complete(1, history.OK, history.FRead, ints(1), ms(6))
			},
			outcome: Stable, stableLatency: 2,
		},
		{
			name: "nemesis ops are ignored",
			history: func(b *builder) {
				b.StartPartition(0).Broadcast(0, 1, ms(0), ms(1)).StartPartition(ms(2)).Read(1, ints(1), ms(5), ms(6))
			},
			outcome: Stable,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b builder
			tt.history(&b)
			w := Check(b.H, NetCounts{}, Options{}).Workload
			if w.Error != "" {
				t.Fatalf("workload failed: %s", w.Error)
			}
			got, ok := element(w, 1)
			if !ok {
				t.Fatalf("element 1 missing from %+v", w.Elements)
			}
			if got.Outcome != tt.outcome || got.StableLatency != tt.stableLatency || got.LostLatency != tt.lostLatency {
				t.Errorf("got %s stable %d lost %d; want %s stable %d lost %d",
					got.Outcome, got.StableLatency, got.LostLatency,
					tt.outcome, tt.stableLatency, tt.lostLatency)
			}
			if w.DuplicatedCount != 0 || len(w.Duplicated) != 0 {
				t.Errorf("duplicates reported: %d %v", w.DuplicatedCount, w.Duplicated)
			}
		})
	}
}

func TestWorkloadVerdicts(t *testing.T) {
	tests := []struct {
		name    string
		history func(b *builder)
		want    Validity
	}{
		{"nothing at all", func(*builder) {}, Unknown},
		{"broadcasts but no reads", func(b *builder) { b.Broadcast(0, 0, 0, ms(1)) }, Unknown},
		{"all stable", func(b *builder) { b.Broadcast(0, 0, 0, ms(1)).Read(0, ints(0), ms(2), ms(3)) }, True},
		{"stale is still valid", func(b *builder) {
			b.Broadcast(0, 0, 0, ms(1)).Read(1, ints(), ms(5), ms(6)).Read(1, ints(0), ms(7), ms(8))
		}, True},
		{"never-read does not invalidate", func(b *builder) {
			b.Broadcast(0, 0, 0, ms(1)).Read(0, ints(0), ms(2), ms(3)).Broadcast(0, 1, ms(4), ms(5))
		}, True},
		{"one lost invalidates", func(b *builder) {
			b.Broadcast(0, 0, 0, ms(1)).Broadcast(0, 1, ms(2), ms(3)).Read(0, ints(0), ms(4), ms(5))
		}, False},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b builder
			tt.history(&b)
			if got := Check(b.H, NetCounts{}, Options{}).Workload.Valid; got != tt.want {
				t.Errorf("valid = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestAttemptCountIsDistinctBroadcastValues(t *testing.T) {
	var b builder
	b.Broadcast(0, 0, 0, ms(1)).
		Invoke(1, history.FBroadcast, history.Element(1), ms(2)).
		Complete(1, history.Info, history.FBroadcast, history.Element(1), ms(5002)).
		Invoke(2, history.FBroadcast, history.Element(2), ms(3)).
		Complete(2, history.Fail, history.FBroadcast, history.Element(2), ms(4)).
		Read(0, ints(0, 1), ms(6000), ms(6001))
	w := Check(b.H, NetCounts{}, Options{}).Workload
	if w.AttemptCount != 3 || w.StableCount != 2 || w.NeverReadCount != 1 || !slices.Equal(w.NeverRead, []int64{2}) {
		t.Errorf("attempt %d stable %d never-read %v; want 3, 2, [2]", w.AttemptCount, w.StableCount, w.NeverRead)
	}
}

func TestWorstStaleIsEightLargestLatenciesLargerElementFirstOnTies(t *testing.T) {
	var b builder
	// Ten elements acknowledged at 0 ms; each missed by a read invoked at
	// its own time, then all seen by a final read.
	missedAt := map[int64]int64{0: 5, 1: 9, 2: 9, 3: 1, 4: 7, 5: 9, 6: 3, 7: 8, 8: 2, 9: 6}
	for v := int64(0); v < 10; v++ {
		b.Broadcast(int(v), v, 0, 0)
	}
	all := make([]int64, 0, 10)
	for v := int64(0); v < 10; v++ {
		all = append(all, v)
		others := make([]int64, 0, 9)
		for u := int64(0); u < 10; u++ {
			if u != v {
				others = append(others, u)
			}
		}
		b.Read(20+int(v), ints(others...), ms(missedAt[v])-1, ms(100))
	}
	b.Read(50, ints(all...), ms(200), ms(201))
	w := Check(b.H, NetCounts{}, Options{}).Workload
	var got []int64
	for _, r := range w.WorstStale {
		got = append(got, r.Element)
	}
	want := []int64{5, 2, 1, 7, 4, 9, 0, 6}
	if !slices.Equal(got, want) {
		t.Errorf("worst stale = %v, want %v", got, want)
	}
	if w.StaleCount != 10 || !slices.Equal(w.Stale, all) {
		t.Errorf("stale = %d %v, want all ten ascending", w.StaleCount, w.Stale)
	}
	if q := w.StableLatencies; q == nil || *q != (Quantiles{Min: 1, Median: 7, P95: 9, P99: 9, Max: 9}) {
		t.Errorf("stable latencies = %+v", q)
	}
	if w.LostLatencies != nil {
		t.Errorf("lost latencies present without lost elements: %+v", w.LostLatencies)
	}
}

func TestReadWithoutInvocationMakesTheWorkloadUnknown(t *testing.T) {
	var b builder
	b.Broadcast(0, 0, 0, ms(1)).Complete(1, history.OK, history.FRead, ints(0), ms(2))
	r := Check(b.H, NetCounts{}, Options{})
	if r.Workload.Valid != Unknown || r.Workload.Error == "" {
		t.Fatalf("workload = %+v, want :unknown with an error", r.Workload)
	}
	if r.Valid() != Unknown {
		t.Errorf("overall = %v, want :unknown", r.Valid())
	}
	if r.Stats.Valid != True || r.Net.Valid != True {
		t.Errorf("other checkers should still run: stats %v net %v", r.Stats.Valid, r.Net.Valid)
	}
}
