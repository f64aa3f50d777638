package topology

// tree arranges the nodes into a tree with branching factor b, filled tier
// by tier: the root, then b nodes, then b², and so on (the last tier may be
// partial). The children of each tier are handed out in consecutive chunks
// of b, the k-th parent getting the k-th chunk, so later parents of a
// partial tier are leaves. A node's neighbours are its parent (if any)
// followed by its children in order.
func tree(b int, nodes []string) map[string][]string {
	m := make(map[string][]string, len(nodes))
	if len(nodes) == 0 {
		// Maelstrom yields no tree, hence no map, for no nodes.
		return m
	}
	tiers := cutTiers(b, nodes)
	for t, tier := range tiers {
		var below []string
		if t+1 < len(tiers) {
			below = tiers[t+1]
		}
		for k, parent := range tier {
			neighbours := []string{}
			if t > 0 {
				// The parent of the k-th node of tier t is node k/b of the
				// tier above, by the chunking.
				neighbours = append(neighbours, tiers[t-1][k/b])
			}
			lo, hi := min(k*b, len(below)), min((k+1)*b, len(below))
			m[parent] = append(neighbours, below[lo:hi]...)
		}
	}
	return m
}

// cutTiers splits nodes into consecutive tiers of sizes 1, b, b², ….
func cutTiers(b int, nodes []string) [][]string {
	var tiers [][]string
	for size := 1; len(nodes) > 0; size *= b {
		take := min(size, len(nodes))
		tiers = append(tiers, nodes[:take])
		nodes = nodes[take:]
	}
	return tiers
}
