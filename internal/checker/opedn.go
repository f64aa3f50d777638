package checker

import (
	"encoding/json"

	"rumor/internal/checker/edn"
	"rumor/internal/history"
)

// opRecordTag is the class Jepsen's history ops print as.
const opRecordTag = "jepsen.history.Op"

// opEDN renders an op as Jepsen prints a history op: the record fields
// :index :time :type :process :f :value, then any extra keys (:final?,
// :exception, :error) in the order Jepsen attaches them. The workload
// checker sees :broadcast renamed to :add, so asAdd applies that rename.
func opEDN(op history.Op, asAdd bool) edn.Value {
	f := op.F
	if asAdd && f == history.FBroadcast {
		f = "add"
	}
	var process edn.Value = edn.Int(op.Process)
	if op.Process == history.NemesisProcess {
		process = edn.Keyword("nemesis")
	}
	fields := edn.Map{
		edn.KV("index", edn.Int(op.Index)),
		edn.KV("time", edn.Int(op.Time)),
		edn.KV("type", edn.Keyword(op.Type.String()[1:])),
		edn.KV("process", process),
		edn.KV("f", edn.Keyword(f)),
		edn.KV("value", valueEDN(op.Value)),
	}
	if op.Final {
		fields = append(fields, edn.KV("final?", edn.Bool(true)))
	}
	if op.Exception != "" {
		fields = append(fields, edn.KV("exception", edn.String(op.Exception)))
	}
	if op.Error != "" {
		fields = append(fields, edn.KV("error", edn.Raw(op.Error)))
	}
	return edn.Record{Tag: opRecordTag, Fields: fields}
}

// valueEDN renders an op's value following the history's conventions:
// integers, arrays of read values (integers or raw JSON), and strings, which
// by convention already hold EDN text (nemesis values).
func valueEDN(v any) edn.Value {
	switch x := v.(type) {
	case nil:
		return edn.Nil{}
	case int64:
		return edn.Int(x)
	case int:
		return edn.Int(x)
	case json.RawMessage:
		return edn.JSON(x)
	case string:
		return edn.Raw(x)
	case bool:
		return edn.Bool(x)
	case float64:
		return edn.Float64(x)
	case []any:
		out := make(edn.Vector, len(x))
		for i, e := range x {
			out[i] = valueEDN(e)
		}
		return out
	case []int64:
		out := make(edn.Vector, len(x))
		for i, e := range x {
			out[i] = edn.Int(e)
		}
		return out
	}
	// Anything else is outside the history's conventions; print it as JSON
	// rather than fail the whole report.
	if raw, err := json.Marshal(v); err == nil {
		return edn.JSON(raw)
	}
	return edn.Nil{}
}
