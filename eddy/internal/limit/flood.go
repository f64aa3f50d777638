package limit

// flood is one value's perfect broadcast: the earliest arrival at every
// node (never if it cannot get there), given when each origin had it.
// Dijkstra applies because a later start never lands earlier: land is
// non-decreasing in its time.
func flood(start []int64, hop int64, tl timeline) []int64 {
	n := len(start)
	arrival := append([]int64(nil), start...)
	done := make([]bool, n)
	for {
		// n is small (tens of nodes), so a linear scan for the next node
		// costs less than a heap and keeps the order plain.
		a := -1
		for i := range n {
			if !done[i] && arrival[i] != never && (a < 0 || arrival[i] < arrival[a]) {
				a = i
			}
		}
		if a < 0 {
			return arrival
		}
		done[a] = true
		for b := range n {
			if done[b] {
				continue
			}
			if t := tl.land(a, b, arrival[a]+hop); t < arrival[b] {
				arrival[b] = t
			}
		}
	}
}
