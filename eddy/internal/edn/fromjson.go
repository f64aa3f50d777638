package edn

import (
	"bytes"
	"encoding/json"
	"sort"
	"strconv"
	"strings"
)

// FromJSON converts a JSON value into the document Cheshire's decoder would
// produce. Object keys become keywords in the outermost keywordLevels levels
// and stay strings below, because Maelstrom keywordizes a message's envelope
// and body but nothing nested in them; 0 keeps every key a string. Text that
// is not valid JSON is kept verbatim as Raw, so a printer never fails on odd
// input.
func FromJSON(raw []byte, keywordLevels int) Value {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var x any
	if err := dec.Decode(&x); err != nil {
		return Raw(strings.TrimSpace(string(raw)))
	}
	return fromDecoded(x, keywordLevels)
}

func fromDecoded(x any, keywordLevels int) Value {
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
		return vectorOf(t, func(e any) Value { return fromDecoded(e, keywordLevels-1) })
	case map[string]any:
		// Go's decoder forgets key order, so keys come out sorted: the
		// closest stable stand-in for Cheshire's own order.
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		out := make(Map, len(keys))
		for i, k := range keys {
			var key Value = String(k)
			if keywordLevels > 0 {
				key = Keyword(k)
			}
			out[i] = Entry{Key: key, Val: fromDecoded(t[k], keywordLevels-1)}
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
