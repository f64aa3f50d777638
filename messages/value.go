package messages

import (
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// Value is one broadcast value in canonical form. Two values are equal under
// Maelstrom's (Clojure's) equality exactly when the Values are ==, so Value
// can key a map directly.
//
// Integers that fit in an int64 are the fast path: they are stored as a
// number and never touch the string field, so the common workload allocates
// nothing per value. Everything else keeps its canonical JSON text.
type Value struct {
	num  int64
	text string // canonical JSON; empty means the value is the integer num
}

// IntValue returns the Value of an integer.
func IntValue(n int64) Value { return Value{num: n} }

// Int reports the integer a Value holds, if it holds one that fits in int64.
func (v Value) Int() (int64, bool) { return v.num, v.text == "" }

// AppendJSON appends the value's canonical JSON text to b.
func (v Value) AppendJSON(b []byte) []byte {
	if v.text == "" {
		return strconv.AppendInt(b, v.num, 10)
	}
	return append(b, v.text...)
}

// Size returns the length of the value's canonical JSON text: what it adds
// to a message that carries it.
func (v Value) Size() int {
	if v.text != "" {
		return len(v.text)
	}
	n, size := v.num, 1
	if n < 0 {
		size++ // the sign; -n may overflow, so count digits of n/10 instead
	}
	for n /= 10; n != 0; n /= 10 {
		size++
	}
	return size
}

// String returns the canonical JSON text.
func (v Value) String() string { return string(v.AppendJSON(nil)) }

// MarshalJSON encodes the canonical JSON text.
func (v Value) MarshalJSON() ([]byte, error) { return v.AppendJSON(nil), nil }

// UnmarshalJSON parses any JSON value into canonical form.
func (v *Value) UnmarshalJSON(b []byte) error {
	parsed, err := ParseValue(b)
	if err != nil {
		return err
	}
	*v = parsed
	return nil
}

// ParseValue turns one JSON value into a Value.
//
// Canonical form follows Clojure equality, which is what Maelstrom's checker
// uses: integers of any width compare by value (so -0 is 0), a number with a
// fraction or exponent is a double and never equals an integer (1.0 is not
// 1), strings compare after unescaping, and object keys are unordered. A
// value over MaxValueBytes or MaxValueDepth is refused.
func ParseValue(raw []byte) (Value, error) {
	if !utf8.Valid(raw) {
		return Value{}, errors.New("value is not valid UTF-8")
	}
	s := scanner{data: raw}
	s.ws()
	start := s.pos
	depth, err := s.skipValue()
	if err != nil {
		return Value{}, fmt.Errorf("value is not JSON: %w", err)
	}
	end := s.pos
	if s.peek() != 0 {
		return Value{}, errors.New("value has trailing data")
	}
	return parseSpan(raw, start, end, depth)
}

// parseSpan reads the validated value data[start:end], which nests depth
// levels deep.
func parseSpan(data []byte, start, end, depth int) (Value, error) {
	if depth > MaxValueDepth {
		return Value{}, errValueTooDeep
	}
	return canonicalValue(data, start, end)
}

// parseSmallInt recognises a plain JSON integer that fits in int64 without
// running a decoder: the workload sends nothing else.
func parseSmallInt(raw []byte) (int64, bool) {
	if len(raw) == 0 || len(raw) > 20 {
		return 0, false
	}
	digits := raw
	if digits[0] == '-' {
		digits = digits[1:]
	}
	if len(digits) == 0 || (digits[0] == '0' && len(digits) > 1) {
		return 0, false
	}
	var n int64
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if len(digits) >= 19 { // may overflow: let strconv judge the rare long ones
		n, err := strconv.ParseInt(string(raw), 10, 64)
		return n, err == nil
	}
	if raw[0] == '-' {
		n = -n
	}
	return n, true
}
