package report

import "eddy/internal/faults"

// partition is one partition as the page draws it: the fault timeline's
// interval (completion to completion, see package faults), ending at the
// end of the history if nothing healed it.
type partition struct {
	Start, End int64  // ns on the history clock
	Spec       string // the invocation's value, e.g. ":majority"
	Grudge     string // the completion's value: who could not hear whom
}

// partitions lists the timeline's partitions, cut at end.
func partitions(tl *faults.Timeline, end int64) []partition {
	var out []partition
	for _, p := range tl.Partitions {
		out = append(out, partition{Start: p.From, End: min(p.To, end), Spec: p.Spec, Grudge: p.Grudge.Text})
	}
	return out
}

// processFault is one kill (to the start that ended it) or pause (to the
// resume), the intervals Jepsen's perf plots shade (§12.10), as the page
// draws it.
type processFault struct {
	F          string   // history.FKill or history.FPause
	Start, End int64    // ns on the history clock
	Target     string   // the invocation's value: ":majority", "nil", …
	Nodes      []string // the nodes it killed or paused, in node order
}

// processFaults lists the timeline's kills and pauses, cut at end.
func processFaults(tl *faults.Timeline, end int64) []processFault {
	var out []processFault
	for _, f := range tl.Processes {
		out = append(out, processFault{F: f.F, Start: f.From, End: min(f.To, end), Target: f.Target, Nodes: f.Nodes})
	}
	return out
}
