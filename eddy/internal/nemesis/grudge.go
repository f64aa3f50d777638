package nemesis

import (
	"fmt"
	"math/rand/v2"
	"slices"
)

// Grudge computes the partition spec calls for over nodes: for each node,
// the nodes whose messages it drops. It panics on an unknown spec, which is
// a programming error (specs come from Specs or ChooseSpec).
func Grudge(spec Spec, nodes []string, rng *rand.Rand) map[string][]string {
	if len(nodes) == 0 && spec.Valid() {
		return map[string][]string{}
	}
	switch spec {
	case One:
		loner := nodes[rng.IntN(len(nodes))]
		rest := make([]string, 0, len(nodes))
		for _, n := range nodes {
			if n != loner {
				rest = append(rest, n)
			}
		}
		return completeGrudge([]string{loner}, rest)
	case MinorityThird:
		shuffled := shuffle(nodes, rng)
		cut := minorityThird(len(nodes))
		return completeGrudge(shuffled[:cut], shuffled[cut:])
	case Majority:
		// Jepsen's bisect: the smaller half first.
		shuffled := shuffle(nodes, rng)
		cut := len(nodes) / 2
		return completeGrudge(shuffled[:cut], shuffled[cut:])
	case MajoritiesRing:
		if len(nodes) <= 5 {
			return ringGrudge(nodes, rng)
		}
		return stochasticRingGrudge(nodes, rng)
	}
	panic(fmt.Sprintf("nemesis: unknown partition spec %q", spec))
}

// minorityThird is Jepsen's minority-third: up to, but not including, a
// third of n, i.e. floor((n−1)/3) — 1 of 5, 8 of 25.
func minorityThird(n int) int {
	if n < 1 {
		return 0
	}
	return (n - 1) / 3
}

// majority is Jepsen's majority: floor(n/2) + 1.
func majority(n int) int { return n/2 + 1 }

// completeGrudge makes every node drop every node outside its own
// component, so components can talk only among themselves.
func completeGrudge(components ...[]string) map[string][]string {
	g := map[string][]string{}
	for c, component := range components {
		var outside []string
		for o, other := range components {
			if o != c {
				outside = append(outside, other...)
			}
		}
		slices.Sort(outside)
		for _, node := range component {
			g[node] = append([]string{}, outside...)
		}
	}
	return g
}

// shuffle returns a shuffled copy of nodes, leaving the caller's slice alone.
func shuffle(nodes []string, rng *rand.Rand) []string {
	out := slices.Clone(nodes)
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// invert turns "whom each node hears" into "whom each node drops".
func invert(nodes []string, hears func(node string) map[string]bool) map[string][]string {
	g := make(map[string][]string, len(nodes))
	for _, node := range nodes {
		heard := hears(node)
		drops := []string{}
		for _, other := range nodes {
			if !heard[other] {
				drops = append(drops, other)
			}
		}
		slices.Sort(drops)
		g[node] = drops
	}
	return g
}
