package edn

import "encoding/json"

// Value is one node of an EDN document.
type Value interface {
	// ednValue seals the interface: only this package's node types are
	// documents, so the printers can switch over them exhaustively.
	ednValue()
}

// Nil is EDN's nil.
type Nil struct{}

// Bool is true or false.
type Bool bool

// Int is an integer, printed in decimal.
type Int int64

// Float32 is a Java float, printed as Float.toString prints it.
type Float32 float32

// Float64 is a Java double, printed as Double.toString prints it.
type Float64 float64

// Keyword is a keyword, given without its leading colon.
type Keyword string

// Symbol is a bare symbol, such as a Java class name.
type Symbol string

// String is a string, printed quoted and escaped as Clojure's pr does.
type String string

// Raw is text that is already EDN and is printed verbatim. It is how values
// formatted elsewhere (an op's :error, say) are embedded without re-parsing.
type Raw string

// JSON is a JSON value, printed as the Clojure data Cheshire would decode it
// into: arrays become vectors, objects become maps with string keys, and
// numbers keep their kind (1.0 stays a double, 1 stays an integer).
type JSON json.RawMessage

// Vector is [a b c].
type Vector []Value

// List is (a b c), the printed form of any Clojure sequence.
type List []Value

// Set is #{a b c}, in the order given.
type Set []Value

// Map is {k v, k v}, in the order given.
type Map []Entry

// Entry is one key and value of a Map.
type Entry struct {
	Key Value
	Val Value
}

// Record is a Clojure record, printed as #Tag{…} with the fields in order.
type Record struct {
	Tag    string
	Fields Map
}

func (Nil) ednValue()     {}
func (Bool) ednValue()    {}
func (Int) ednValue()     {}
func (Float32) ednValue() {}
func (Float64) ednValue() {}
func (Keyword) ednValue() {}
func (Symbol) ednValue()  {}
func (String) ednValue()  {}
func (Raw) ednValue()     {}
func (JSON) ednValue()    {}
func (Vector) ednValue()  {}
func (List) ednValue()    {}
func (Set) ednValue()     {}
func (Map) ednValue()     {}
func (Record) ednValue()  {}

// KV is shorthand for a map entry whose key is the keyword name.
func KV(name string, v Value) Entry {
	return Entry{Key: Keyword(name), Val: v}
}

// vectorOf converts every element of xs, keeping their order.
func vectorOf[T any](xs []T, convert func(T) Value) Vector {
	out := make(Vector, len(xs))
	for i, x := range xs {
		out[i] = convert(x)
	}
	return out
}
