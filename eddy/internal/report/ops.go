package report

import "eddy/internal/history"

// clientOp is one client operation with its invocation and completion
// paired, the unit every latency and rate plot counts.
type clientOp struct {
	F        string       // history.FBroadcast or history.FRead
	Type     history.Type // how it completed: OK, Info or Fail
	Invoke   int64        // ns on the history clock
	Complete int64
	Node     string
	Value    history.Value // the completion's value (a read's result)
	Final    bool
}

// latency is the op's duration in nanoseconds.
func (o clientOp) latency() int64 { return o.Complete - o.Invoke }

// clientOps pairs every client invocation with the next completion of the
// same process. Invocations that never completed are left out: they have
// no latency to plot.
func clientOps(in *Input) []clientOp {
	pending := map[int]history.Op{}
	var ops []clientOp
	for _, op := range in.History {
		if !op.IsClient() {
			continue
		}
		if op.Type == history.Invoke {
			pending[op.Process] = op
			continue
		}
		inv, ok := pending[op.Process]
		if !ok {
			continue
		}
		delete(pending, op.Process)
		ops = append(ops, clientOp{
			F: inv.F, Type: op.Type, Invoke: inv.Time, Complete: op.Time,
			Node: inv.Node, Value: op.Value, Final: inv.Final,
		})
	}
	return ops
}

// endTime is the last time in the history, the right edge of every plot.
func endTime(h history.History) int64 {
	var end int64
	for _, op := range h {
		end = max(end, op.Time)
	}
	return end
}
