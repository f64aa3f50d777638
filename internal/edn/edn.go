package edn

import (
	"bytes"
	"encoding/json"
	"sort"
	"strconv"
	"strings"
)

// String renders s as an EDN string literal.
func String(s string) string {
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
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// Keyword renders name as a keyword, :name.
func Keyword(name string) string { return ":" + name }

// Value renders a history value. The conventions follow internal/history:
// int64 and other integers print as numbers, nil as nil, []any as a vector
// whose elements are integers or raw JSON, a json.RawMessage as the EDN of
// that JSON, and a string as EDN text that is already rendered (nemesis
// values such as ":majority").
func Value(v any) string {
	var b bytes.Buffer
	writeValue(&b, v)
	return b.String()
}

func writeValue(b *bytes.Buffer, v any) {
	switch x := v.(type) {
	case nil:
		b.WriteString("nil")
	case int64:
		b.WriteString(strconv.FormatInt(x, 10))
	case int:
		b.WriteString(strconv.Itoa(x))
	case string:
		b.WriteString(x)
	case json.RawMessage:
		writeJSON(b, x, 0)
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(' ')
			}
			writeValue(b, e)
		}
		b.WriteByte(']')
	default:
		raw, err := json.Marshal(x)
		if err != nil {
			b.WriteString(String(err.Error()))
			return
		}
		writeJSON(b, raw, 0)
	}
}

// FromJSON renders a JSON document as EDN. Object keys become keywords in
// the outermost keywordDepth levels (Maelstrom keywordizes one level of the
// envelope and one of the body) and stay strings below.
func FromJSON(raw []byte, keywordDepth int) string {
	var b bytes.Buffer
	writeJSON(&b, raw, keywordDepth)
	return b.String()
}

func writeJSON(b *bytes.Buffer, raw []byte, keywordDepth int) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		b.WriteString(String(string(raw)))
		return
	}
	writeDecoded(b, v, keywordDepth)
}

func writeDecoded(b *bytes.Buffer, v any, keywordDepth int) {
	switch x := v.(type) {
	case nil:
		b.WriteString("nil")
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case json.Number:
		b.WriteString(x.String())
	case string:
		b.WriteString(String(x))
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(' ')
			}
			writeDecoded(b, e, keywordDepth-1)
		}
		b.WriteByte(']')
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			if keywordDepth > 0 {
				b.WriteString(Keyword(k))
			} else {
				b.WriteString(String(k))
			}
			b.WriteByte(' ')
			writeDecoded(b, x[k], keywordDepth-1)
		}
		b.WriteByte('}')
	}
}
