package edn

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
)

// MarshalJSON renders v as compact JSON, for machine consumers:
//
//   - keywords and symbols become strings without the colon;
//   - vectors, lists and sets become arrays; maps and records become objects
//     in the document's order, keyed by the key's name (keywords, strings) or
//     printed form (numbers and anything else);
//   - floats keep their Java spelling (5.441, 1.0E-4 are valid JSON numbers);
//     NaN and infinities, which JSON lacks, become null;
//   - Raw EDN text becomes a JSON string; JSON is embedded as is.
func MarshalJSON(v Value) ([]byte, error) {
	var b bytes.Buffer
	if err := writeJSON(&b, v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func writeJSON(b *bytes.Buffer, v Value) error {
	switch x := v.(type) {
	case nil, Nil:
		b.WriteString("null")
	case Bool:
		b.WriteString(strconv.FormatBool(bool(x)))
	case Int:
		b.WriteString(strconv.FormatInt(int64(x), 10))
	case Float32:
		writeJSONFloat(b, float64(x), FormatFloat32(float32(x)))
	case Float64:
		writeJSONFloat(b, float64(x), FormatFloat64(float64(x)))
	case Keyword:
		return writeJSONString(b, string(x))
	case Symbol:
		return writeJSONString(b, string(x))
	case String:
		return writeJSONString(b, string(x))
	case Raw:
		return writeJSONString(b, string(x))
	case JSON:
		var compact bytes.Buffer
		if err := json.Compact(&compact, x); err != nil {
			return writeJSONString(b, string(x))
		}
		b.Write(compact.Bytes())
	case Vector:
		return writeJSONArray(b, x)
	case List:
		return writeJSONArray(b, x)
	case Set:
		return writeJSONArray(b, x)
	case Map:
		return writeJSONObject(b, x)
	case Record:
		return writeJSONObject(b, x.Fields)
	}
	return nil
}

func writeJSONFloat(b *bytes.Buffer, f float64, java string) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		b.WriteString("null")
		return
	}
	b.WriteString(java)
}

func writeJSONString(b *bytes.Buffer, s string) error {
	enc, err := json.Marshal(s)
	if err != nil {
		return err
	}
	b.Write(enc)
	return nil
}

func writeJSONArray(b *bytes.Buffer, items []Value) error {
	b.WriteByte('[')
	for i, item := range items {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := writeJSON(b, item); err != nil {
			return err
		}
	}
	b.WriteByte(']')
	return nil
}

func writeJSONObject(b *bytes.Buffer, m Map) error {
	b.WriteByte('{')
	for i, e := range m {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := writeJSONString(b, jsonKey(e.Key)); err != nil {
			return err
		}
		b.WriteByte(':')
		if err := writeJSON(b, e.Val); err != nil {
			return err
		}
	}
	b.WriteByte('}')
	return nil
}

// jsonKey names a map key in JSON: the bare name of a keyword, symbol or
// string, and the printed EDN form of anything else (0.5 stays "0.5").
func jsonKey(k Value) string {
	switch x := k.(type) {
	case Keyword:
		return string(x)
	case Symbol:
		return string(x)
	case String:
		return string(x)
	}
	return Compact(k)
}
