package edn

import (
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
		return Quote(string(x)), true
	case Raw:
		return string(x), true
	}
	return "", false
}

// Quote renders s as an EDN string literal, as Clojure's pr renders a
// string: only the quote, the backslash and five control characters are
// escaped; everything else, non-ASCII included, is written as is.
func Quote(s string) string {
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
