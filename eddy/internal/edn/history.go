package edn

import "eddy/internal/history"

// HistoryOp is the field map of an op as Jepsen prints a history op: the
// record fields :index :time :type :process :f :value, then any extra keys
// (:final?, :exception, :error) in the order Jepsen attaches them. A
// history.edn line is this map; the checker wraps it in a Record.
func HistoryOp(op history.Op) Map {
	var process Value = Int(op.Process)
	if op.Process == history.NemesisProcess {
		process = Keyword("nemesis")
	}
	fields := Map{
		KV("index", Int(op.Index)),
		KV("time", Int(op.Time)),
		KV("type", Keyword(op.Type.String()[1:])),
		KV("process", process),
		KV("f", Keyword(op.F)),
		KV("value", HistoryValue(op.Value)),
	}
	if op.Final {
		fields = append(fields, KV("final?", Bool(true)))
	}
	if op.Exception != "" {
		fields = append(fields, KV("exception", String(op.Exception)))
	}
	if op.Error != "" {
		// history.Op keeps its error as EDN text already.
		fields = append(fields, KV("error", Raw(op.Error)))
	}
	return fields
}

// HistoryValue converts an op's value: elements are integers, a read is a
// vector of its entries (integers, or the raw JSON a node returned), EDN,
// Isolated and Outcomes values are already EDN text, and no value is nil.
func HistoryValue(v history.Value) Value {
	switch x := v.(type) {
	case history.Element:
		return Int(int64(x))
	case history.Read:
		return vectorOf(x, func(item history.ReadItem) Value {
			if item.IsInt() {
				return Int(item.Int)
			}
			return JSON(item.Raw)
		})
	case history.EDN:
		return Raw(string(x))
	case history.Isolated:
		return Raw(x.Text)
	case history.Outcomes:
		return Raw(x.Text)
	}
	return Nil{}
}
