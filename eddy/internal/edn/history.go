package edn

import (
	"encoding/json"

	"eddy/internal/history"
)

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

// HistoryValue converts an op's value following history.Op's conventions:
// integers, arrays of read values (integers or raw JSON), and strings, which
// by convention already hold EDN text (nemesis values).
func HistoryValue(v any) Value {
	switch x := v.(type) {
	case nil:
		return Nil{}
	case int64:
		return Int(x)
	case int:
		return Int(x)
	case json.RawMessage:
		return JSON(x)
	case string:
		return Raw(x)
	case bool:
		return Bool(x)
	case float64:
		return Float64(x)
	case []any:
		return vectorOf(x, HistoryValue)
	case []int64:
		return vectorOf(x, func(e int64) Value { return Int(e) })
	}
	// Anything else is outside the conventions; print it as JSON rather
	// than fail the whole report.
	if raw, err := json.Marshal(v); err == nil {
		return JSON(raw)
	}
	return Nil{}
}
