package limit

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// bruteFlood is the perfect broadcast by exhaustion over whole time units:
// relax every link at every possible send time until nothing improves. It
// is exact when every time involved is a whole unit, as below.
func bruteFlood(start []int64, hop int64, tl timeline, horizon int64) []int64 {
	n := len(start)
	arrival := slices.Clone(start)
	for changed := true; changed; {
		changed = false
		for a := range n {
			if arrival[a] == never {
				continue
			}
			for b := range n {
				for s := arrival[a]; s+hop < arrival[b] && s <= horizon; s++ {
					if i := tl.at(s + hop); i < 0 || !tl[i].blocked[b][a] {
						arrival[b] = s + hop
						changed = true
						break
					}
				}
			}
		}
	}
	return arrival
}

func TestFloodAgreesWithExhaustiveSearch(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const nodes, hop, horizon = 5, 3, 400
	delayed := 0 // trials where some node waited for a heal or a relay
	for trial := range 500 {
		var tl timeline
		at := int64(rng.IntN(10))
		for len(tl) < 4 {
			from := at + int64(rng.IntN(15))
			to := from + 1 + int64(rng.IntN(30))
			blocked := make([][]bool, nodes)
			for d := range blocked {
				blocked[d] = make([]bool, nodes)
				for s := range blocked[d] {
					blocked[d][s] = s != d && rng.IntN(2) == 0
				}
			}
			if len(tl) == 3 && rng.IntN(3) == 0 {
				to = never // the last cut may never heal
			}
			tl = append(tl, cut{from: from, to: to, blocked: blocked})
			if to == never {
				break
			}
			at = to
		}
		start := make([]int64, nodes)
		for i := range start {
			start[i] = never
		}
		origin := rng.IntN(nodes)
		start[origin] = int64(rng.IntN(40))
		got := flood(start, hop, tl)
		if slices.ContainsFunc(got, func(t int64) bool { return t > start[origin]+hop }) {
			delayed++
		}
		want := bruteFlood(start, hop, tl, horizon)
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d: flood = %v, exhaustive search = %v (cuts %+v)", trial, got, want, tl)
		}
	}
	if delayed < 100 {
		t.Errorf("only %d of 500 trials were shaped by a partition; the cuts are too tame", delayed)
	}
}
