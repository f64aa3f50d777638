package topology

// line chains the nodes in order. Maelstrom returns an empty map for fewer
// than two nodes, so a lone node gets no entry at all.
func line(nodes []string) map[string][]string {
	n := len(nodes)
	m := map[string][]string{}
	if n < 2 {
		return m
	}
	m[nodes[0]] = []string{nodes[1]}
	m[nodes[n-1]] = []string{nodes[n-2]}
	for i := 1; i < n-1; i++ {
		m[nodes[i]] = []string{nodes[i-1], nodes[i+1]}
	}
	return m
}
