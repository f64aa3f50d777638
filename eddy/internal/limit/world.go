package limit

import (
	"sort"

	"eddy/internal/faults"
)

// never is the arrival time of a value that cannot reach a node; it is
// also the end of a fault still in force when the run ended.
const never = faults.Open

// world is everything that shapes the perfect broadcast besides the hop:
// the partitions and the process faults, by node index so that the flood's
// inner loop does no map lookups.
type world struct {
	cuts timeline
	down downs
}

// worldOf indexes the run's fault timeline by the nodes' places in nodes;
// nodes the timeline names that are not in nodes are ignored.
func worldOf(tl *faults.Timeline, nodes []string) world {
	index := make(map[string]int, len(nodes))
	for i, n := range nodes {
		index[n] = i
	}
	w := world{down: make(downs, len(nodes))}
	if tl == nil {
		return w
	}
	for _, p := range tl.Partitions {
		w.cuts = append(w.cuts, cut{from: p.From, to: p.To, blocked: matrix(p.Grudge.Drops, index)})
	}
	for i, n := range nodes {
		for _, s := range tl.Downs(n) {
			w.down[i] = append(w.down[i], span{from: s.From, to: s.To})
		}
	}
	return w
}

// cut is one partition, [from, to); blocked[dest][src] says dest drops
// messages from src.
type cut struct {
	from, to int64
	blocked  [][]bool
}

// timeline is the run's partitions in time order; they never overlap.
type timeline []cut

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

// span is a stretch of time [from, to) during which a node is down.
type span struct{ from, to int64 }

// downs are each node's down spans (by node index), in time order and
// disjoint.
type downs [][]span

// upAt is the earliest time at or after t at which node is up (never if
// it is down from some moment to the end).
func (d downs) upAt(node int, t int64) int64 {
	if node >= len(d) {
		return t
	}
	for _, s := range d[node] {
		if t < s.from {
			return t
		}
		if t < s.to {
			t = s.to
		}
	}
	return t
}

// land is the earliest time at or after t at which a message from src can
// land at dest: a moment when dest is up and no partition in force blocks
// the link. A message that would arrive while dest is down lands when it
// is back (held at the door, or sent again to arrive then); one that would
// arrive across a cut lands at the heal that opens the link; each such
// moment is checked again against both.
func (w world) land(src, dest int, t int64) int64 {
	for t != never {
		if up := w.down.upAt(dest, t); up != t {
			t = up
			continue
		}
		i := w.cuts.at(t)
		if i < 0 || !w.cuts[i].blocked[dest][src] {
			return t
		}
		t = w.cuts[i].to
	}
	return never
}

// depart is the earliest moment at or after t at which node can send: a
// down node forwards nothing, and keeps what it had (perfect durability)
// to forward once it is back.
func (w world) depart(node int, t int64) int64 { return w.down.upAt(node, t) }
