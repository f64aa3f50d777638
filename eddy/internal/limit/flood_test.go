package limit

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// bruteFlood is the perfect broadcast by exhaustion over whole time units,
// straight from its definition: a node that holds the value may send at any
// moment s at which it is up; the message lands at the first moment t ≥
// s + hop at which the destination is up and no cut blocks the link. Every
// send moment and every landing moment is tried, until nothing improves.
// It is exact when every time involved is a whole unit, as below.
func bruteFlood(start []int64, hop int64, tl timeline, d downs, horizon int64) []int64 {
	n := len(start)
	up := func(node int, t int64) bool {
		for _, s := range d[node] {
			if s.from <= t && t < s.to {
				return false
			}
		}
		return true
	}
	open := func(src, dest int, t int64) bool {
		for _, c := range tl {
			if c.from <= t && t < c.to && c.blocked[dest][src] {
				return false
			}
		}
		return true
	}
	arrival := slices.Clone(start)
	for changed := true; changed; {
		changed = false
		for a := range n {
			if arrival[a] == never {
				continue
			}
			for b := range n {
				for s := arrival[a]; s+hop < arrival[b] && s <= horizon; s++ {
					if !up(a, s) {
						continue
					}
					for t := s + hop; t < arrival[b] && t <= horizon; t++ {
						if up(b, t) && open(a, b, t) {
							arrival[b] = t
							changed = true
							break
						}
					}
				}
			}
		}
	}
	return arrival
}

// randomCuts draws up to four partitions in a row over nodes, the last
// perhaps never healed.
func randomCuts(rng *rand.Rand, nodes int) timeline {
	var tl timeline
	at := int64(rng.IntN(10))
	for len(tl) < 4 {
		from := at + int64(rng.IntN(15))
		to := from + 1 + int64(rng.IntN(30))
		blocked := make([][]bool, nodes)
		for dest := range blocked {
			blocked[dest] = make([]bool, nodes)
			for src := range blocked[dest] {
				blocked[dest][src] = src != dest && rng.IntN(2) == 0
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
	return tl
}

// randomDowns draws for each node up to three down spans, back to back
// now and then (a kill right after a start), the last perhaps for good.
func randomDowns(rng *rand.Rand, nodes int) downs {
	d := make(downs, nodes)
	for node := range d {
		at := int64(rng.IntN(20))
		for k := rng.IntN(4); k > 0; k-- {
			from := at + int64(rng.IntN(20))
			if rng.IntN(4) == 0 {
				from = at
			}
			to := from + 1 + int64(rng.IntN(25))
			if k == 1 && rng.IntN(5) == 0 {
				to = never
			}
			d[node] = append(d[node], span{from: from, to: to})
			if to == never {
				break
			}
			at = to
		}
	}
	return d
}

func TestFloodAgreesWithExhaustiveSearch(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const nodes, hop, horizon = 5, 3, 400
	for _, faults := range []string{"partitions", "partitions and down nodes"} {
		delayed := 0 // trials where some node waited for a heal, a restart or a relay
		for trial := range 500 {
			tl := randomCuts(rng, nodes)
			d := make(downs, nodes)
			if faults != "partitions" {
				d = randomDowns(rng, nodes)
			}
			start := make([]int64, nodes)
			for i := range start {
				start[i] = never
			}
			origin := rng.IntN(nodes)
			start[origin] = int64(rng.IntN(40))
			got := flood(start, hop, world{cuts: tl, down: d})
			if slices.ContainsFunc(got, func(t int64) bool { return t > start[origin]+hop }) {
				delayed++
			}
			want := bruteFlood(start, hop, tl, d, horizon)
			if !slices.Equal(got, want) {
				t.Fatalf("%s, trial %d: flood = %v, exhaustive search = %v (cuts %+v, downs %v)", faults, trial, got, want, tl, d)
			}
		}
		if delayed < 100 {
			t.Errorf("%s: only %d of 500 trials were shaped by a fault; the faults are too tame", faults, delayed)
		}
	}
}
