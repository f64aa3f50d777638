package report

import (
	"cmp"
	"slices"

	"eddy/internal/history"
)

// spread is how one broadcast value reached the nodes, as far as the
// history can tell. Message bodies are not journaled, so arrival is judged
// by what clients saw: a node is known to hold the value once it acked the
// broadcast or returned the value from a read (the completion time of that
// op), and known not to hold it when a read invoked earlier missed it.
type spread struct {
	Value int64
	Sent  int64 // the broadcast's invocation time

	// Everywhere reports whether every node was seen holding the value.
	// If so, the value reached the last node somewhere in (Lo, Hi] after
	// Sent; Hi is the honest upper bound plotted. If not, Lo is how long
	// after Sent some node still had not shown it.
	Everywhere bool
	Lo, Hi     int64
}

// seenRead is one successful read: when it was invoked and the integers it
// returned, sorted for lookup.
type seenRead struct {
	invoke int64
	values []int64
}

func (r seenRead) has(v int64) bool {
	_, ok := slices.BinarySearch(r.values, v)
	return ok
}

// spreads derives every acknowledged-or-indeterminate broadcast value's
// spread (failed broadcasts definitely did not happen and are skipped).
func spreads(ops []clientOp, nodes []string) []spread {
	reads := map[string][]seenRead{}     // per node, sorted by invocation
	seen := map[string]map[int64]int64{} // node → value → first completion showing it
	for _, n := range nodes {
		reads[n] = nil
		seen[n] = map[int64]int64{}
	}
	noteSeen := func(node string, v, at int64) {
		if m := seen[node]; m != nil {
			if t, ok := m[v]; !ok || at < t {
				m[v] = at
			}
		}
	}
	var sent []clientOp
	for _, op := range ops {
		_, known := reads[op.Node]
		switch {
		case op.F == history.FBroadcast && op.Type != history.Fail:
			sent = append(sent, op)
			if v, ok := op.Value.(history.Element); ok && op.Type == history.OK {
				noteSeen(op.Node, int64(v), op.Complete)
			}
		case op.F == history.FRead && op.Type == history.OK && known:
			read, _ := op.Value.(history.Read)
			vals := read.SortedInts()
			for _, v := range vals {
				noteSeen(op.Node, v, op.Complete)
			}
			reads[op.Node] = append(reads[op.Node], seenRead{op.Invoke, vals})
		}
	}
	for _, r := range reads {
		slices.SortStableFunc(r, func(a, b seenRead) int { return cmp.Compare(a.invoke, b.invoke) })
	}
	out := make([]spread, 0, len(sent))
	for _, op := range sent {
		element, ok := op.Value.(history.Element)
		v := int64(element)
		if !ok {
			continue
		}
		s := spread{Value: v, Sent: op.Invoke, Everywhere: true}
		for _, n := range nodes {
			at, ok := seen[n][v]
			if !ok {
				s.Everywhere = false
				s.Lo = max(s.Lo, lastMiss(reads[n], v, op.Invoke, 1<<62)-op.Invoke)
				continue
			}
			s.Hi = max(s.Hi, at-op.Invoke)
			s.Lo = max(s.Lo, lastMiss(reads[n], v, op.Invoke, at)-op.Invoke)
		}
		if !s.Everywhere {
			s.Hi = 0
		}
		out = append(out, s)
	}
	return out
}

// lastMiss is the latest invocation time, in [from, before), of a read on
// the node that did not return v; from if there is none. Nodes never
// forget, so the value arrived after that invocation.
func lastMiss(r []seenRead, v, from, before int64) int64 {
	i, _ := slices.BinarySearchFunc(r, before, func(x seenRead, t int64) int { return cmp.Compare(x.invoke, t) })
	for i--; i >= 0 && r[i].invoke >= from; i-- {
		if !r[i].has(v) {
			return r[i].invoke
		}
	}
	return from
}
