package sim

// gridTopology builds Maelstrom's default topology (eddy/docs/SEMANTICS.md §2.3): nodes
// laid out row by row on a square of side ceil(sqrt(N)), each neighbouring
// the nodes below, above, right and left of it, in that order.
func gridTopology(ids []string) map[string][]string {
	side := 1
	for side*side < len(ids) {
		side++
	}
	at := func(row, col int) (string, bool) {
		i := row*side + col
		if row < 0 || col < 0 || col >= side || i >= len(ids) {
			return "", false
		}
		return ids[i], true
	}
	topo := make(map[string][]string, len(ids))
	for i, id := range ids {
		row, col := i/side, i%side
		neighbours := []string{}
		for _, d := range [][2]int{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
			if n, ok := at(row+d[0], col+d[1]); ok {
				neighbours = append(neighbours, n)
			}
		}
		topo[id] = neighbours
	}
	return topo
}
