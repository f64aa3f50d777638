package messages

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
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
// 1), strings compare after unescaping, and object keys are unordered.
func ParseValue(raw []byte) (Value, error) {
	raw = bytes.TrimSpace(raw)
	if n, ok := parseSmallInt(raw); ok {
		return Value{num: n}, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return Value{}, fmt.Errorf("value is not JSON: %w", err)
	}
	if dec.More() {
		return Value{}, errors.New("value has trailing data")
	}
	if num, ok := tree.(json.Number); ok {
		if n, err := strconv.ParseInt(num.String(), 10, 64); err == nil {
			return Value{num: n}, nil
		}
	}
	var out strings.Builder
	if err := writeCanonical(&out, tree); err != nil {
		return Value{}, err
	}
	return Value{text: out.String()}, nil
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

// writeCanonical writes a decoded JSON tree with sorted object keys, minimal
// string escapes and normalised numbers.
func writeCanonical(out *strings.Builder, tree any) error {
	switch t := tree.(type) {
	case nil:
		out.WriteString("null")
	case bool:
		out.WriteString(strconv.FormatBool(t))
	case string:
		encoded, err := json.Marshal(t)
		if err != nil {
			return err
		}
		out.Write(encoded)
	case json.Number:
		out.WriteString(canonicalNumber(t.String()))
	case []any:
		out.WriteByte('[')
		for i, elem := range t {
			if i > 0 {
				out.WriteByte(',')
			}
			if err := writeCanonical(out, elem); err != nil {
				return err
			}
		}
		out.WriteByte(']')
	case map[string]any:
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		out.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				out.WriteByte(',')
			}
			if err := writeCanonical(out, k); err != nil {
				return err
			}
			out.WriteByte(':')
			if err := writeCanonical(out, t[k]); err != nil {
				return err
			}
		}
		out.WriteByte('}')
	default:
		return fmt.Errorf("unexpected JSON node %T", tree)
	}
	return nil
}

// canonicalNumber normalises a JSON number literal. Integers (no fraction, no
// exponent) of any size keep their digits, minus a negative zero's sign;
// doubles are printed in Go's shortest form and always keep a fraction or
// exponent so they never collide with an integer.
func canonicalNumber(lit string) string {
	if !strings.ContainsAny(lit, ".eE") {
		if strings.TrimLeft(lit, "-0") == "" {
			return "0"
		}
		return lit
	}
	f, err := strconv.ParseFloat(lit, 64)
	if err != nil {
		// Out of double range: Clojure would read Infinity; keep the literal so
		// the value is still stored and served back.
		return lit
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eEn") { // "n" covers NaN/Inf, which JSON cannot produce
		s += ".0"
	}
	return s
}
