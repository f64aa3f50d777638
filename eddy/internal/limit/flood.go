package limit

// flood is one value's perfect broadcast: the earliest arrival at every
// node (never if it cannot get there), given when each origin had it.
// Dijkstra applies because a later start never lands earlier: depart and
// land are non-decreasing in their time.
func flood(start []int64, hop int64, w world) []int64 {
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
		departure := w.depart(a, arrival[a])
		if departure == never {
			continue
		}
		for b := range n {
			if done[b] {
				continue
			}
			if t := w.land(a, b, departure+hop); t < arrival[b] {
				arrival[b] = t
			}
		}
	}
}
