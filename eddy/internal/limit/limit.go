package limit

import (
	"slices"
	"time"

	"eddy/internal/checker"
	"eddy/internal/history"
)

// Network is what the limit needs to know about a run beyond its history.
type Network struct {
	// Nodes and Concurrency say which node each client process talked to:
	// process p is worker p mod Concurrency, and worker w talks to
	// Nodes[w mod len(Nodes)].
	Nodes       []string
	Concurrency int
	// Hop is one hop's delay (see HopFor).
	Hop time.Duration
}

// nodeOf is the index of the node a client process talked to.
func (n Network) nodeOf(process int) int {
	if n.Concurrency <= 0 || len(n.Nodes) == 0 || process < 0 {
		return -1
	}
	return (process % n.Concurrency) % len(n.Nodes)
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
	index := make(map[string]int, len(net.Nodes))
	for i, n := range net.Nodes {
		index[n] = i
	}
	world := world{cuts: cutsOf(h, index), down: downsOf(h, index)}
	arrivals := arrivalsOf(h, net, world)
	w := checker.SetFull(perfectReads(h, net, arrivals, world.down))
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
// per element, its earliest arrival at each node. A value broadcast more
// than once floods from each of its origins.
func arrivalsOf(h history.History, net Network, w world) map[int64][]int64 {
	hop := int64(net.Hop)
	starts := map[int64][]int64{}
	var order []int64
	for _, inv := range broadcasts(h) {
		node := net.nodeOf(h[inv].Process)
		e, _ := h[inv].ElementValue()
		if node < 0 {
			continue
		}
		s, ok := starts[e]
		if !ok {
			s = make([]int64, len(net.Nodes))
			for i := range s {
				s[i] = never
			}
			starts[e] = s
			order = append(order, e)
		}
		s[node] = min(s[node], h[inv].Time)
	}
	out := make(map[int64][]int64, len(order))
	for _, e := range order {
		out[e] = flood(starts[e], hop, w)
	}
	return out
}

// broadcasts lists the positions of the client broadcast invocations that
// carry an element and did not complete :fail.
func broadcasts(h history.History) []int {
	pending := map[int]int{}
	failed := map[int]bool{}
	var out []int
	for i, op := range h {
		if !op.IsClient() {
			continue
		}
		if op.Type == history.Invoke {
			pending[op.Process] = i
			if _, ok := op.ElementValue(); ok && op.F == history.FBroadcast {
				out = append(out, i)
			}
			continue
		}
		if inv, ok := pending[op.Process]; ok {
			delete(pending, op.Process)
			if op.Type == history.Fail {
				failed[inv] = true
			}
		}
	}
	return slices.DeleteFunc(out, func(i int) bool { return failed[i] })
}

// perfectReads copies h with every :ok read's result replaced by the
// values whose arrival at the read's node is at or before the read's
// invocation, in ascending order. A read invoked while its node is down
// (paused: it is answered after the resume) is answered when the node is
// back, with what has landed by then: its request, like any message,
// lands when the node is back.
func perfectReads(h history.History, net Network, arrivals map[int64][]int64, down downs) history.History {
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
		node, at := net.nodeOf(op.Process), h[inv].Time
		if node >= 0 {
			at = down.upAt(node, at)
		}
		seen := history.Read{}
		for _, e := range elements {
			if node >= 0 && arrivals[e][node] <= at {
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
