package checker

import (
	"encoding/json"

	"eddy/internal/history"
)

// ms converts milliseconds to history nanoseconds.
func ms(x int64) int64 { return x * 1_000_000 }

// builder writes hand-made histories one op at a time, indices assigned in
// order, times given explicitly.
type builder struct{ h history.History }

func (b *builder) add(p int, t history.Type, f string, v history.Value, at int64) *builder {
	b.h.Append(history.Op{Time: at, Type: t, Process: p, F: f, Value: v})
	return b
}

func (b *builder) invoke(p int, f string, v history.Value, at int64) *builder {
	return b.add(p, history.Invoke, f, v, at)
}

func (b *builder) complete(p int, t history.Type, f string, v history.Value, at int64) *builder {
	return b.add(p, t, f, v, at)
}

// broadcast records a broadcast of v by process p, invoked at inv and
// acknowledged at ack.
func (b *builder) broadcast(p int, v int64, inv, ack int64) *builder {
	return b.invoke(p, history.FBroadcast, history.Element(v), inv).complete(p, history.OK, history.FBroadcast, history.Element(v), ack)
}

// read records a read by p invoked at inv that returned values at done.
func (b *builder) read(p int, values history.Read, inv, done int64) *builder {
	return b.invoke(p, history.FRead, nil, inv).complete(p, history.OK, history.FRead, values, done)
}

// nemesis records a nemesis op pair, which every client checker ignores.
func (b *builder) nemesis(at int64) *builder {
	b.add(history.NemesisProcess, history.Info, history.FStartPartition, history.EDN(":majority"), at)
	return b.add(history.NemesisProcess, history.Info, history.FStartPartition, history.Isolated{Drops: map[string][]string{"n1": {"n2"}}, Text: `[:isolated {"n1" #{"n2"}}]`}, at)
}

// ints builds a read's returned array of JSON integers.
func ints(vs ...int64) history.Read { return history.ReadOf(vs...) }

// raw is a read entry that is not a JSON integer.
func raw(text string) history.ReadItem { return history.ReadItem{Raw: json.RawMessage(text)} }

// element finds one element's result.
func element(w Workload, e int64) (ElementResult, bool) {
	for _, r := range w.Elements {
		if r.Element == e {
			return r, true
		}
	}
	return ElementResult{}, false
}
