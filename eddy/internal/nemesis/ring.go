package nemesis

import (
	"math/rand/v2"
	"slices"
)

// ringGrudge is Jepsen's majorities-ring-perfect, used for up to five nodes.
// The nodes are shuffled into a ring; every run of m = majority(N)
// consecutive ring members is a window, and the member at the middle of each
// window (index floor(m/2)) hears exactly that window. Each node is the
// middle of one window, so all nodes see a majority, and the windows differ.
// With five nodes each hears its two ring neighbours; with three the ring is
// one-directional; with one or two nobody drops anything.
func ringGrudge(nodes []string, rng *rand.Rand) map[string][]string {
	ring := shuffle(nodes, rng)
	n, m := len(ring), majority(len(ring))
	window := make(map[string]map[string]bool, n)
	for start := 0; start < n; start++ {
		members := map[string]bool{}
		for k := 0; k < m; k++ {
			members[ring[(start+k)%n]] = true
		}
		window[ring[(start+m/2)%n]] = members
	}
	return invert(nodes, func(node string) map[string]bool { return window[node] })
}

// stochasticRingGrudge is Jepsen's majorities-ring-stochastic, used beyond
// five nodes, where no neat ring exists for every N. Every node starts
// linked to itself; then, repeatedly, a least-linked node a (ties broken at
// random) is linked both ways to the least-linked node b it is not yet
// linked to, until every node has at least a majority of links counting
// itself. Each node then drops everyone it is not linked to.
func stochasticRingGrudge(nodes []string, rng *rand.Rand) map[string][]string {
	m := majority(len(nodes))
	links := make(map[string]map[string]bool, len(nodes))
	for _, node := range nodes {
		links[node] = map[string]bool{node: true}
	}
	for {
		// Nodes by ascending link count; within a count, a fresh shuffle of
		// a sorted list, so a seed always reproduces the same graph.
		byDegree := map[int][]string{}
		for _, node := range nodes {
			d := len(links[node])
			byDegree[d] = append(byDegree[d], node)
		}
		degrees := make([]int, 0, len(byDegree))
		for d := range byDegree {
			degrees = append(degrees, d)
		}
		slices.Sort(degrees)
		var ordered []string
		for _, d := range degrees {
			tier := slices.Clone(byDegree[d])
			slices.Sort(tier)
			ordered = append(ordered, shuffle(tier, rng)...)
		}

		a := ordered[0]
		if len(links[a]) >= m {
			break
		}
		for _, b := range ordered[1:] {
			if !links[a][b] {
				links[a][b] = true
				links[b][a] = true
				break
			}
		}
	}
	return invert(nodes, func(node string) map[string]bool { return links[node] })
}
