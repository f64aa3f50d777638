package limit

import (
	"slices"
	"time"

	"eddy/internal/checker"
	"eddy/internal/faults"
	"eddy/internal/history"
)

// Network is what the limit needs to know about a run beyond its history.
type Network struct {
	// Nodes are the run's nodes; a client op's Node names one of them.
	Nodes []string
	// Hop is one hop's delay: the expected latency of one message
	// (netsim.Latency.Expected).
	Hop time.Duration
	// Faults is the run's fault timeline, read from the same history.
	Faults *faults.Timeline
}

// nodeIndex maps each node to its place in Nodes.
func (n Network) nodeIndex() map[string]int {
	index := make(map[string]int, len(n.Nodes))
	for i, node := range n.Nodes {
		index[node] = i
	}
	return index
}

// Result is the limit of one run and its comparison with the actual run.
type Result struct {
	Hop time.Duration
	// Workload is set-full's result on the perfect broadcast.
	Workload checker.Workload
	// Limit and Actual are the stable-latency quantiles of the perfect
	// broadcast and of the run (nil when there were no stable values).
	Limit, Actual *checker.Quantiles
	// Excess is Actual − Limit at each point; nil unless both exist.
	Excess *checker.Quantiles
	// Pairs are the values stable both in the run and in the limit, in
	// ascending element order, for plotting one against the other.
	Pairs []Pair
}

// Pair is one value's stable latency in the run and in the limit, in ms.
type Pair struct {
	Element       int64
	Actual, Limit int64
}

// Compute scores the perfect broadcast on h (see the package comment) and
// compares it with actual, the run's own set-full result.
func Compute(h history.History, actual checker.Workload, net Network) Result {
	index := net.nodeIndex()
	world := worldOf(net.Faults, net.Nodes)
	arrivals := arrivalsOf(h, index, net.Hop, world)
	w := checker.SetFull(perfectReads(h, index, arrivals, world.down))
	r := Result{Hop: net.Hop, Workload: w, Limit: w.StableLatencies, Actual: actual.StableLatencies}
	if r.Limit != nil && r.Actual != nil {
		r.Excess = &checker.Quantiles{
			Min:    r.Actual.Min - r.Limit.Min,
			Median: r.Actual.Median - r.Limit.Median,
			P95:    r.Actual.P95 - r.Limit.P95,
			P99:    r.Actual.P99 - r.Limit.P99,
			Max:    r.Actual.Max - r.Limit.Max,
		}
	}
	r.Pairs = pairs(actual.Elements, w.Elements)
	return r
}

// arrivalsOf floods every broadcast value that did not fail and returns,
// per element, its earliest arrival at each node. A value starts at its
// origin when its request landed there. A value broadcast more than once
// floods from each of its origins.
func arrivalsOf(h history.History, index map[string]int, hop time.Duration, w world) map[int64][]int64 {
	starts := map[int64][]int64{}
	var order []int64
	for _, b := range broadcasts(h) {
		inv := h[b.invoke]
		node, known := index[inv.Node]
		e, _ := inv.ElementValue()
		if !known {
			continue
		}
		s, ok := starts[e]
		if !ok {
			s = make([]int64, len(index))
			for i := range s {
				s[i] = never
			}
			starts[e] = s
			order = append(order, e)
		}
		s[node] = min(s[node], b.landed)
	}
	out := make(map[int64][]int64, len(order))
	for _, e := range order {
		out[e] = flood(starts[e], int64(hop), w)
	}
	return out
}

// request is one client op as the limit sees it: where its invocation
// sits in the history and when its request reached its node.
type request struct {
	invoke int
	landed int64
}

// landedAt is when the request of the op invoked by inv and completed by
// done reached its node: the completion's Landed, or the invocation's
// time when that is unknown (a history read back from a file, a request
// still queued when the client gave up). It never precedes the invocation.
func landedAt(inv, done history.Op) int64 {
	return max(inv.Time, done.Landed)
}

// broadcasts lists the client broadcast invocations that carry an element
// and did not complete :fail, with when each request landed. One still
// open at the end of the history lands at its invocation.
func broadcasts(h history.History) []request {
	pending := map[int]int{}
	var out []request
	for i, op := range h {
		if !op.IsClient() {
			continue
		}
		if op.Type == history.Invoke {
			pending[op.Process] = i
			continue
		}
		inv, ok := pending[op.Process]
		if !ok {
			continue
		}
		delete(pending, op.Process)
		if _, carries := h[inv].ElementValue(); carries && h[inv].F == history.FBroadcast && op.Type != history.Fail {
			out = append(out, request{invoke: inv, landed: landedAt(h[inv], op)})
		}
	}
	for _, inv := range pending {
		if _, carries := h[inv].ElementValue(); carries && h[inv].F == history.FBroadcast {
			out = append(out, request{invoke: inv, landed: h[inv].Time})
		}
	}
	slices.SortFunc(out, func(a, b request) int { return a.invoke - b.invoke })
	return out
}

// perfectReads copies h with every :ok read's result replaced by the
// values whose arrival at the read's node is at or before the moment the
// read's request landed there, in ascending order. A read that lands while
// its node is down (paused: it is answered after the resume) is answered
// when the node is back, with what has landed by then.
func perfectReads(h history.History, index map[string]int, arrivals map[int64][]int64, down downs) history.History {
	elements := make([]int64, 0, len(arrivals))
	for e := range arrivals {
		elements = append(elements, e)
	}
	slices.Sort(elements)
	out := slices.Clone(h)
	pending := map[int]int{}
	for i, op := range h {
		if !op.IsClient() {
			continue
		}
		if op.Type == history.Invoke {
			pending[op.Process] = i
			continue
		}
		inv, ok := pending[op.Process]
		delete(pending, op.Process)
		if !ok || op.F != history.FRead || op.Type != history.OK {
			continue
		}
		node, known := index[h[inv].Node]
		at := landedAt(h[inv], op)
		if known {
			at = down.upAt(node, at)
		}
		seen := history.Read{}
		for _, e := range elements {
			if known && arrivals[e][node] <= at {
				seen = append(seen, history.ReadItem{Int: e})
			}
		}
		out[i].Value = seen
	}
	return out
}

// pairs joins two ascending element lists on the values stable in both.
func pairs(actual, limit []checker.ElementResult) []Pair {
	var out []Pair
	i, j := 0, 0
	for i < len(actual) && j < len(limit) {
		a, l := actual[i], limit[j]
		switch {
		case a.Element < l.Element:
			i++
		case a.Element > l.Element:
			j++
		default:
			if a.Outcome == checker.Stable && l.Outcome == checker.Stable {
				out = append(out, Pair{Element: a.Element, Actual: a.StableLatency, Limit: l.StableLatency})
			}
			i++
			j++
		}
	}
	return out
}
