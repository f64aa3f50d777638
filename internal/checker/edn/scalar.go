package edn

import (
	"bytes"
	"encoding/json"
	"sort"
	"strconv"
	"strings"
)

// scalarText prints a leaf node. ok is false for collections.
func scalarText(v Value) (text string, ok bool) {
	switch x := v.(type) {
	case nil, Nil:
		return "nil", true
	case Bool:
		return strconv.FormatBool(bool(x)), true
	case Int:
		return strconv.FormatInt(int64(x), 10), true
	case Float32:
		return FormatFloat32(float32(x)), true
	case Float64:
		return FormatFloat64(float64(x)), true
	case Keyword:
		return ":" + string(x), true
	case Symbol:
		return string(x), true
	case String:
		return quote(string(x)), true
	case Raw:
		return string(x), true
	}
	return "", false
}

// quote renders s as Clojure's pr renders a string: only the quote, the
// backslash and five control characters are escaped; everything else,
// non-ASCII included, is written as is.
func quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		case '\f':
			b.WriteString(`\f`)
		case '\b':
			b.WriteString(`\b`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// FromJSON converts a JSON value into the document Cheshire's decoder would
// produce. Text that is not valid JSON is kept verbatim as Raw, so a printer
// never fails on odd input.
func FromJSON(raw []byte) Value {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var x any
	if err := dec.Decode(&x); err != nil {
		return Raw(strings.TrimSpace(string(raw)))
	}
	return fromDecoded(x)
}

func fromDecoded(x any) Value {
	switch t := x.(type) {
	case nil:
		return Nil{}
	case bool:
		return Bool(t)
	case string:
		return String(t)
	case json.Number:
		return fromNumber(t)
	case []any:
		out := make(Vector, len(t))
		for i, e := range t {
			out[i] = fromDecoded(e)
		}
		return out
	case map[string]any:
		// Go's decoder forgets key order, so keys come out sorted: the
		// closest stable stand-in for Cheshire's own (hash) order.
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		out := make(Map, len(keys))
		for i, k := range keys {
			out[i] = Entry{Key: String(k), Val: fromDecoded(t[k])}
		}
		return out
	}
	return Raw("nil")
}

// fromNumber keeps integers integral (Cheshire yields Long or BigInteger)
// and turns anything with a fraction or exponent into a double.
func fromNumber(n json.Number) Value {
	s := n.String()
	if !strings.ContainsAny(s, ".eE") {
		if i, err := strconv.ParseInt(s, 10, 64); err == nil {
			return Int(i)
		}
		// A BigInteger prints as plain digits.
		return Raw(s)
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return Raw(s)
	}
	return Float64(f)
}
