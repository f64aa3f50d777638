package checker

import "eddy/internal/history"

// invocationsOf maps the position of every completion in h to the position
// of the invocation it completes: the latest earlier invocation by the same
// process that had not yet completed. Jepsen pairs operations the same way.
func invocationsOf(h history.History) map[int]int {
	open := map[int]int{} // process -> position of its pending invocation
	pairs := map[int]int{}
	for i, op := range h {
		if op.Type == history.Invoke {
			open[op.Process] = i
			continue
		}
		if inv, ok := open[op.Process]; ok {
			pairs[i] = inv
			delete(open, op.Process)
		}
	}
	return pairs
}
