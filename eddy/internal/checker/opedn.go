package checker

import (
	"eddy/internal/edn"
	"eddy/internal/history"
)

// opRecordTag is the class Jepsen's history ops print as.
const opRecordTag = "jepsen.history.Op"

// opEDN renders an op as Jepsen prints a history op, a record of
// edn.HistoryOp's fields. The workload checker sees :broadcast renamed to
// :add, so asAdd applies that rename.
func opEDN(op history.Op, asAdd bool) edn.Value {
	if asAdd && op.F == history.FBroadcast {
		op.F = "add"
	}
	return edn.Record{Tag: opRecordTag, Fields: edn.HistoryOp(op)}
}
