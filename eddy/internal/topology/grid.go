package topology

import "math"

// grid lays the nodes out row by row in a square of side ceil(sqrt(N)); the
// last row may be short. Each node's neighbours are, in this order and when
// they exist: the node below, above, to the right and to the left.
func grid(nodes []string) map[string][]string {
	n := len(nodes)
	side := int(math.Ceil(math.Sqrt(float64(n))))
	at := func(i, j int) (string, bool) {
		// Rows are bounded only by the node count, columns by the side.
		if i < 0 || j < 0 || j >= side {
			return "", false
		}
		idx := i*side + j
		if idx >= n {
			return "", false
		}
		return nodes[idx], true
	}
	m := make(map[string][]string, n)
	for i := 0; i < side; i++ {
		for j := 0; j < side; j++ {
			node, ok := at(i, j)
			if !ok {
				continue
			}
			neighbours := []string{}
			for _, d := range [4][2]int{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
				if other, ok := at(i+d[0], j+d[1]); ok {
					neighbours = append(neighbours, other)
				}
			}
			m[node] = neighbours
		}
	}
	return m
}
