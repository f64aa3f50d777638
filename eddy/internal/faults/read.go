package faults

import (
	"slices"
	"sort"

	"eddy/internal/history"
)

// Of reads the fault timeline of h. nodes is the run's node list; it sets
// the order in which a fault's nodes are listed (nodes the history names
// that are not in it follow, by name).
func Of(h history.History, nodes []string) Timeline {
	r := reader{
		t:    Timeline{down: map[string][]Interval{}},
		rank: map[string]int{}, state: map[string]nodeState{},
		openPartition: -1, openKill: -1, openPause: -1,
	}
	for i, n := range nodes {
		r.rank[n] = i
	}
	r.t.nodes = slices.Clone(nodes)
	invoked := false // nemesis ops alternate invocation and completion
	var inv history.Op
	for _, op := range h {
		if op.IsClient() {
			continue
		}
		if invoked = !invoked; invoked {
			inv = op
			r.count(op)
			continue
		}
		r.completion(inv, op)
	}
	sort.SliceStable(r.t.Processes, func(i, j int) bool { return r.t.Processes[i].From < r.t.Processes[j].From })
	return r.t
}

// nodeState is a node's process as the nemesis left it.
type nodeState int

const (
	running nodeState = iota
	stopped           // paused: down until resumed
	dead              // killed: down until started again
	crashed           // exited on its own: down for good
)

// reader walks the nemesis ops once, keeping what is in force.
type reader struct {
	t     Timeline
	rank  map[string]int
	state map[string]nodeState
	// open are the indices into t.Partitions / t.Processes of the faults
	// in force, -1 when none: one partition, one kill, one pause at most,
	// since each family is a flip-flop.
	openPartition, openKill, openPause int
}

// count counts a kill or pause op at its invocation.
func (r *reader) count(op history.Op) {
	switch op.F {
	case history.FKill:
		r.t.Counts.Kills++
	case history.FPause:
		r.t.Counts.Pauses++
	}
}

func (r *reader) completion(inv, op history.Op) {
	switch op.F {
	case history.FStartPartition:
		g, ok := op.IsolatedValue()
		if !ok {
			return
		}
		r.endPartition(op.Time)
		r.t.Partitions = append(r.t.Partitions, Partition{Interval: Interval{op.Time, Open}, Spec: valueText(inv.Value), Grudge: g})
		r.openPartition = len(r.t.Partitions) - 1
	case history.FStopPartition:
		r.endPartition(op.Time)
	case history.FKill, history.FPause:
		open := r.openOf(op.F)
		if *open >= 0 {
			// A flip-flop never takes down twice in a row; should it, the
			// earlier fault ends where the next begins.
			r.t.Processes[*open].To = op.Time
		}
		outcome := map[string]string{history.FKill: history.Killed, history.FPause: history.Paused}[op.F]
		r.t.Processes = append(r.t.Processes, ProcessFault{F: op.F, Interval: Interval{op.Time, Open}, Target: valueText(inv.Value), Nodes: r.nodesWith(op, outcome)})
		*open = len(r.t.Processes) - 1
	case history.FStart, history.FResume:
		open := r.openOf(op.F)
		if *open >= 0 {
			r.t.Processes[*open].To = op.Time
			*open = -1
		}
	}
	r.nodeOutcomes(op)
}

// openOf is where the open interval of f's family is kept: kill and start
// share one, pause and resume the other.
func (r *reader) openOf(f string) *int {
	if f == history.FPause || f == history.FResume {
		return &r.openPause
	}
	return &r.openKill
}

func (r *reader) endPartition(at int64) {
	if r.openPartition >= 0 {
		r.t.Partitions[r.openPartition].To = at
		r.openPartition = -1
	}
}

// nodeOutcomes moves each node the completion reports through its states
// (see the package comment) and counts the nodes killed, paused and
// restarted.
func (r *reader) nodeOutcomes(op history.Op) {
	out, ok := op.OutcomesValue()
	if !ok {
		return
	}
	for _, node := range r.ordered(keys(out.Of)) {
		r.know(node)
		switch out.Of[node] {
		case history.Killed:
			r.t.Counts.KilledNodes++
			r.goDown(node, op.Time, dead)
		case history.Paused:
			r.t.Counts.PausedNodes++
			if r.state[node] == running {
				r.goDown(node, op.Time, stopped)
			}
		case history.Crashed:
			r.goDown(node, op.Time, crashed)
		case history.Started:
			r.t.Counts.Restarts++
			r.comeBack(node, op.Time)
		case history.AlreadyRunning:
			if r.state[node] == dead {
				r.comeBack(node, op.Time)
			}
		case history.Resumed:
			if r.state[node] == stopped {
				r.comeBack(node, op.Time)
			}
		}
	}
}

func (r *reader) goDown(node string, at int64, s nodeState) {
	switch r.state[node] {
	case crashed:
		return
	case running:
		r.t.down[node] = append(r.t.down[node], Interval{at, Open})
	}
	r.state[node] = s
}

func (r *reader) comeBack(node string, at int64) {
	if s := r.state[node]; s != running && s != crashed {
		spans := r.t.down[node]
		spans[len(spans)-1].To = at
		r.state[node] = running
	}
}

// know adds a node the history names to the timeline's node list.
func (r *reader) know(node string) {
	if _, ok := r.rank[node]; !ok {
		r.rank[node] = len(r.rank)
		r.t.nodes = append(r.t.nodes, node)
	}
}

// nodesWith lists, in node order, the nodes a completion reports with
// outcome.
func (r *reader) nodesWith(op history.Op, outcome string) []string {
	out, ok := op.OutcomesValue()
	if !ok {
		return nil
	}
	var nodes []string
	for node, o := range out.Of {
		if o == outcome {
			nodes = append(nodes, node)
		}
	}
	return r.ordered(nodes)
}

// ordered sorts nodes by their place in the node list, unknown ones last
// by name.
func (r *reader) ordered(nodes []string) []string {
	sort.Slice(nodes, func(i, j int) bool {
		ri, iok := r.rank[nodes[i]]
		rj, jok := r.rank[nodes[j]]
		switch {
		case iok && jok:
			return ri < rj
		case iok != jok:
			return iok
		}
		return nodes[i] < nodes[j]
	})
	return nodes
}

func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// valueText is a nemesis invocation's value as printed ("nil" for none).
func valueText(v history.Value) string {
	switch x := v.(type) {
	case history.EDN:
		return string(x)
	case history.Isolated:
		return x.Text
	case nil:
		return "nil"
	}
	return ""
}
