package store

import (
	"encoding/json"

	"eddy/internal/history"
)

// ms converts milliseconds to history nanoseconds.
func ms(x int64) int64 { return x * 1_000_000 }

// builder writes hand-made histories one op at a time, indices assigned in
// order, times given explicitly; client process p talks to node n(p mod 5).
type builder struct{ h history.History }

func (b *builder) add(p int, t history.Type, f string, v history.Value, at int64) *builder {
	op := history.Op{Time: at, Type: t, Process: p, F: f, Value: v}
	if op.IsClient() {
		op.Node = "n" + string(rune('0'+p%5))
	}
	b.h.Append(op)
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

// ints builds a read's returned array of JSON integers.
func ints(vs ...int64) history.Read { return history.ReadOf(vs...) }

// raw is a read entry that is not a JSON integer.
func raw(text string) history.ReadItem { return history.ReadItem{Raw: json.RawMessage(text)} }

// okOf builds n read invocations of which ok completed :ok and the rest
// :fail.
func okOf(ok, n int) history.History {
	var b builder
	for i := 0; i < n; i++ {
		t := history.Fail
		if i < ok {
			t = history.OK
		}
		b.invoke(0, history.FRead, nil, ms(int64(2*i))).complete(0, t, history.FRead, ints(), ms(int64(2*i+1)))
	}
	return b.h
}
