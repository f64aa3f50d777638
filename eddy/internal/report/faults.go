package report

import "eddy/internal/history"

// processFault is one stretch during which the nemesis had nodes killed
// (from a kill to the next start) or paused (from a pause to the next
// resume), the intervals Jepsen's perf plots shade (§12.10).
type processFault struct {
	F          string   // history.FKill or history.FPause
	Start, End int64    // invocation to the ending op's invocation (ns; end of the history if none)
	Target     string   // the invocation's value: ":majority", "nil", …
	Nodes      []string // the nodes it killed or paused, in node order (n2 before n10)
}

// processFaults reads the kills and pauses of h. The nemesis carries out
// one op at a time, so its entries alternate invocation and completion.
// A kill or pause still in force at the end of the history ends at end.
func processFaults(h history.History, end int64) []processFault {
	var out []processFault
	open := map[string]int{} // history.FKill / FPause → index in out of the one in force
	invoked := false
	for _, op := range h {
		if op.IsClient() {
			continue
		}
		invoked = !invoked
		fault, ender := op.F, ""
		switch op.F {
		case history.FStart:
			fault, ender = history.FKill, op.F
		case history.FResume:
			fault, ender = history.FPause, op.F
		case history.FKill, history.FPause:
		default:
			continue
		}
		i, inForce := open[fault]
		switch {
		case ender != "" && invoked && inForce:
			out[i].End = op.Time
			delete(open, fault)
		case ender == "" && invoked && !inForce:
			out = append(out, processFault{F: fault, Start: op.Time, End: end, Target: valueText(op.Value)})
			open[fault] = len(out) - 1
		case ender == "" && !invoked && inForce:
			out[i].Nodes = nodesWith(op, map[string]string{history.FKill: history.Killed, history.FPause: history.Paused}[fault])
		}
	}
	return out
}

// valueText is a nemesis invocation's value as printed ("nil" for none).
func valueText(v history.Value) string {
	if v == nil {
		return "nil"
	}
	return text(v)
}

// nodesWith lists, in node order, the nodes a completion reports with
// outcome.
func nodesWith(op history.Op, outcome string) []string {
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
	laneOrder(nodes)
	return nodes
}
