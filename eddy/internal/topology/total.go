package topology

// total connects every node to every other node, in list order.
func total(nodes []string) map[string][]string {
	m := make(map[string][]string, len(nodes))
	for i, node := range nodes {
		others := make([]string, 0, len(nodes)-1)
		others = append(others, nodes[:i]...)
		m[node] = append(others, nodes[i+1:]...)
	}
	return m
}
