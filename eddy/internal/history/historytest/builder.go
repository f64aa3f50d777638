// Package historytest builds hand-made histories for tests: one op at a
// time, indices assigned in order, times given explicitly.
package historytest

import (
	"encoding/json"
	"strconv"

	"eddy/internal/history"
)

// Ms converts milliseconds to history nanoseconds.
func Ms(x int64) int64 { return x * 1_000_000 }

// Builder appends ops to H. A client op of process p goes to node
// n<p mod 5>, as with five nodes and concurrency 1n.
type Builder struct{ H history.History }

// Add appends one op.
func (b *Builder) Add(p int, t history.Type, f string, v history.Value, at int64) *Builder {
	op := history.Op{Time: at, Type: t, Process: p, F: f, Value: v}
	if op.IsClient() {
		op.Node = "n" + strconv.Itoa(p%5)
	}
	b.H.Append(op)
	return b
}

// Invoke appends p's invocation of f.
func (b *Builder) Invoke(p int, f string, v history.Value, at int64) *Builder {
	return b.Add(p, history.Invoke, f, v, at)
}

// Complete appends p's completion of f, of type t.
func (b *Builder) Complete(p int, t history.Type, f string, v history.Value, at int64) *Builder {
	return b.Add(p, t, f, v, at)
}

// Broadcast records a broadcast of v by process p, invoked at inv and
// acknowledged at ack.
func (b *Builder) Broadcast(p int, v int64, inv, ack int64) *Builder {
	return b.Invoke(p, history.FBroadcast, history.Element(v), inv).Complete(p, history.OK, history.FBroadcast, history.Element(v), ack)
}

// Read records a read by p invoked at inv that returned values at done.
func (b *Builder) Read(p int, values history.Read, inv, done int64) *Builder {
	return b.Invoke(p, history.FRead, nil, inv).Complete(p, history.OK, history.FRead, values, done)
}

// StartPartition records a start-partition pair at at: the nemesis cuts
// n2 off from n1, one way. Client checkers ignore it.
func (b *Builder) StartPartition(at int64) *Builder {
	b.Add(history.NemesisProcess, history.Info, history.FStartPartition, history.EDN(":majority"), at)
	return b.Add(history.NemesisProcess, history.Info, history.FStartPartition,
		history.Isolated{Drops: map[string][]string{"n1": {"n2"}}, Text: `[:isolated {"n1" #{"n2"}}]`}, at)
}

// Ints builds a read's returned array of JSON integers.
func Ints(vs ...int64) history.Read { return history.ReadOf(vs...) }

// Raw is a read entry that is not a JSON integer.
func Raw(text string) history.ReadItem { return history.ReadItem{Raw: json.RawMessage(text)} }

// OkOf builds n reads by process 0, of which the first ok completed :ok
// and the rest :fail.
func OkOf(ok, n int) history.History {
	var b Builder
	for i := 0; i < n; i++ {
		t := history.Fail
		if i < ok {
			t = history.OK
		}
		b.Invoke(0, history.FRead, nil, Ms(int64(2*i))).Complete(0, t, history.FRead, Ints(), Ms(int64(2*i+1)))
	}
	return b.H
}
