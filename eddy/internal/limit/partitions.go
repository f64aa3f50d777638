package limit

import (
	"math"
	"sort"

	"eddy/internal/history"
)

// never is the arrival time of a value that cannot reach a node.
const never = int64(math.MaxInt64)

// cut is one partition: from its start-partition's completion (inclusive)
// to the completion of the heal (exclusive; never if the run ended cut).
// blocked[dest][src] says dest drops messages from src.
type cut struct {
	from, to int64
	blocked  [][]bool
}

// timeline is the run's partitions in time order; they never overlap,
// because starts and stops alternate.
type timeline []cut

// cutsOf reads the partitions from the nemesis ops of h. A start-partition
// completion carries the grudge (an Isolated value) and opens a cut; the
// next stop-partition completion (one with a value) closes it. Nodes the
// grudge names that are not in index are ignored.
func cutsOf(h history.History, index map[string]int) timeline {
	var out timeline
	open := false
	closeAt := func(at int64) {
		if open {
			out[len(out)-1].to = at
			open = false
		}
	}
	for _, op := range h {
		if op.IsClient() {
			continue
		}
		switch op.F {
		case history.FStartPartition:
			g, ok := op.IsolatedValue()
			if !ok {
				continue
			}
			closeAt(op.Time)
			out = append(out, cut{from: op.Time, to: never, blocked: matrix(g.Drops, index)})
			open = true
		case history.FStopPartition:
			if op.Value != nil {
				closeAt(op.Time)
			}
		}
	}
	return out
}

// matrix turns a grudge into blocked[dest][src].
func matrix(drops map[string][]string, index map[string]int) [][]bool {
	n := len(index)
	m := make([][]bool, n)
	for i := range m {
		m[i] = make([]bool, n)
	}
	for dest, srcs := range drops {
		d, ok := index[dest]
		if !ok {
			continue
		}
		for _, src := range srcs {
			if s, ok := index[src]; ok {
				m[d][s] = true
			}
		}
	}
	return m
}

// at is the index of the cut in force at time t, or -1.
func (tl timeline) at(t int64) int {
	i := sort.Search(len(tl), func(i int) bool { return tl[i].from > t }) - 1
	if i >= 0 && t < tl[i].to {
		return i
	}
	return -1
}
