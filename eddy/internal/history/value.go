package history

import (
	"encoding/json"
	"slices"
)

// Value is what an op's :value holds. Each kind of op has its own type, so
// a package that reads values asks for the kind it expects instead of
// decoding a generic tree:
//
//   - Element: a broadcast's value, on its invocation and its completion;
//   - Read: the array an :ok read returned;
//   - EDN: text that is already EDN (a nemesis spec such as ":majority", or
//     ":network-healed");
//   - Isolated: the grudge a start-partition installed, with its printed
//     form;
//   - Outcomes: what a kill, start, pause or resume did to each node, with
//     its printed form;
//   - nil: no value (read invocations, reads that did not complete :ok,
//     stop-partition invocations).
//
// The interface is sealed: only this package's types implement it.
type Value interface{ isValue() }

// Element is a broadcast value. eddy only ever broadcasts integers.
type Element int64

// Read is the array an :ok read returned, in the node's order, repeats
// included.
type Read []ReadItem

// ReadItem is one entry of a read's array. A JSON integer that fits an
// int64 is kept as Int; anything else the node returned (1.0, "1", null,
// an object) is kept as its JSON text in Raw, so it can be printed but never
// equals an element.
type ReadItem struct {
	Int int64
	Raw json.RawMessage // non-nil when the entry is not an integer
}

// IsInt reports whether the entry is an integer, and so can be an element.
func (r ReadItem) IsInt() bool { return r.Raw == nil }

// Ints lists the read's integer entries, in the read's order.
func (r Read) Ints() []int64 {
	out := make([]int64, 0, len(r))
	for _, item := range r {
		if item.IsInt() {
			out = append(out, item.Int)
		}
	}
	return out
}

// SortedInts is Ints sorted, for binary search.
func (r Read) SortedInts() []int64 {
	out := r.Ints()
	slices.Sort(out)
	return out
}

// ReadOf builds a Read of integers, for callers (and tests) that have
// nothing else to put in one.
func ReadOf(values ...int64) Read {
	out := make(Read, len(values))
	for i, v := range values {
		out[i] = ReadItem{Int: v}
	}
	return out
}

// EDN is a value that is already EDN text; it is printed as it is.
type EDN string

// Isolated is the completion value of a start-partition: Drops maps every
// node to the sorted nodes whose messages it drops while the partition is
// in force, and Text is how Maelstrom prints it
// ("[:isolated {\"n2\" #{\"n1\"}, …}]").
type Isolated struct {
	Drops map[string][]string
	Text  string
}

func (Element) isValue()  {}
func (Read) isValue()     {}
func (EDN) isValue()      {}
func (Isolated) isValue() {}

// ElementValue is the op's broadcast element, if its value is one.
func (o Op) ElementValue() (int64, bool) {
	e, ok := o.Value.(Element)
	return int64(e), ok
}

// ReadValue is the op's read result, if its value is one.
func (o Op) ReadValue() (Read, bool) {
	r, ok := o.Value.(Read)
	return r, ok
}

// IsolatedValue is the op's partition grudge, if its value is one.
func (o Op) IsolatedValue() (Isolated, bool) {
	g, ok := o.Value.(Isolated)
	return g, ok
}

// Outcomes is the completion value of a kill, start, pause or resume: what
// the op did to each node it acted on (Of maps a node to one of the
// Outcome keywords below, without the colon), and Text is how the history
// prints it ({"n1" :killed, "n3" :killed}).
type Outcomes struct {
	Of   map[string]string
	Text string
}

// What a process fault did to one node, as its completion value says it.
const (
	Killed         = "killed"          // kill: the node's process was SIGKILLed
	Started        = "started"         // start: a killed node was launched again and answered init
	AlreadyRunning = "already-running" // start: the node's process was alive (running or paused)
	Paused         = "paused"          // pause: the node's process was SIGSTOPped
	Resumed        = "resumed"         // resume: the node's process was sent SIGCONT
	NotRunning     = "not-running"     // pause or resume of a node that is killed
	Crashed        = "crashed"         // the node's process had exited on its own; eddy leaves it down
)

func (Outcomes) isValue() {}

// OutcomesValue is the op's process-fault outcomes, if its value is one.
func (o Op) OutcomesValue() (Outcomes, bool) {
	v, ok := o.Value.(Outcomes)
	return v, ok
}
