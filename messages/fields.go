package messages

import (
	"fmt"
	"strconv"
)

// fieldReader decodes the fields of a validated line, each from its span,
// into the one Go type the field needs. Key matching is exact: "Message" is
// not "message".
type fieldReader struct{ data []byte }

func (f fieldReader) raw(s span) []byte { return f.data[s.start:s.end] }

// present reports whether a field is there with a non-null value; Maelstrom
// treats a null field as a missing one.
func (f fieldReader) present(s span) bool { return s.ok && string(f.raw(s)) != "null" }

func missing(key string) error { return fmt.Errorf("missing field %q", key) }

func wrongType(key, want string) error {
	return fmt.Errorf("field %q has the wrong type: want %s", key, want)
}

// str decodes a required string field.
func (f fieldReader) str(s span, key string, dst *string) error {
	if !f.present(s) {
		return missing(key)
	}
	str, ok := f.stringAt(s.start)
	if !ok {
		return wrongType(key, "a string")
	}
	*dst = str
	return nil
}

// stringAt decodes the string that starts at data[pos], if one does.
func (f fieldReader) stringAt(pos int) (string, bool) {
	sc := scanner{data: f.data, pos: pos}
	if f.data[pos] != '"' {
		return "", false
	}
	escaped, err := sc.skipString()
	if err != nil {
		return "", false
	}
	inner := f.data[pos+1 : sc.pos-1]
	if !escaped {
		return string(inner), true
	}
	return string(appendUnescaped(nil, inner)), true
}

// optionalInt decodes an integer field if it is present and reports whether
// it was. Like encoding/json, it refuses 1.0, 1e2 and anything beyond int64.
func (f fieldReader) optionalInt(s span, key string, dst *int64) (bool, error) {
	if !f.present(s) {
		return false, nil
	}
	n, err := strconv.ParseInt(string(f.raw(s)), 10, 64)
	if err != nil {
		return true, wrongType(key, "an integer")
	}
	*dst = n
	return true, nil
}

// uint decodes a required unsigned integer field.
func (f fieldReader) uint(s span, key string, dst *uint64) error {
	if !f.present(s) {
		return missing(key)
	}
	n, err := strconv.ParseUint(string(f.raw(s)), 10, 64)
	if err != nil {
		return wrongType(key, "an unsigned integer")
	}
	*dst = n
	return nil
}

// optionalBool decodes a boolean field if it is present.
func (f fieldReader) optionalBool(s span, key string, dst *bool) (bool, error) {
	if !f.present(s) {
		return false, nil
	}
	switch string(f.raw(s)) {
	case "true":
		*dst = true
	case "false":
		*dst = false
	default:
		return true, wrongType(key, "a boolean")
	}
	return true, nil
}

// elements calls each with the start of every element of the array at s.
func (f fieldReader) elements(s span, each func(start, end, depth int) error) error {
	sc := scanner{data: f.data[:s.end], pos: s.start}
	sc.pos++ // '['
	if sc.peek() == ']' {
		return nil
	}
	for {
		sc.ws()
		start := sc.pos
		depth, err := sc.skipValue()
		if err != nil {
			return err
		}
		if err := each(start, sc.pos, depth); err != nil {
			return err
		}
		if sc.peek() == ']' {
			return nil
		}
		sc.pos++ // ','
	}
}

// stringList decodes an array of strings; a null element is "", as with
// encoding/json.
func (f fieldReader) stringList(s span, key string) ([]string, error) {
	if f.data[s.start] != '[' {
		return nil, wrongType(key, "an array of strings")
	}
	list := []string{}
	err := f.elements(s, func(start, end, _ int) error {
		if string(f.data[start:end]) == "null" {
			list = append(list, "")
			return nil
		}
		str, ok := f.stringAt(start)
		if !ok {
			return wrongType(key, "an array of strings")
		}
		list = append(list, str)
		return nil
	})
	return list, err
}

// strings decodes a required array of strings.
func (f fieldReader) strings(s span, key string, dst *[]string) error {
	if !f.present(s) {
		return missing(key)
	}
	list, err := f.stringList(s, key)
	if err != nil {
		return err
	}
	*dst = list
	return nil
}

// topology decodes a required map from node id to a list of node ids; a
// null list is an empty one.
func (f fieldReader) topology(s span, key string, dst *map[string][]string) error {
	if !f.present(s) {
		return missing(key)
	}
	if f.data[s.start] != '{' {
		return wrongType(key, "an object of arrays of strings")
	}
	topo := map[string][]string{}
	sc := scanner{data: f.data[:s.end], pos: s.start + 1}
	if sc.peek() == '}' {
		*dst = topo
		return nil
	}
	for {
		sc.ws()
		node, _ := f.stringAt(sc.pos)
		sc.skipString()
		sc.expect(':', "")
		sc.ws()
		start := sc.pos
		sc.skipValue()
		var list []string
		if v := (span{start: start, end: sc.pos, ok: true}); f.present(v) {
			var err error
			if list, err = f.stringList(v, key); err != nil {
				return err
			}
		}
		topo[node] = list
		if sc.peek() == '}' {
			*dst = topo
			return nil
		}
		sc.pos++ // ','
	}
}

// value decodes a broadcast value.
func (f fieldReader) value(s span) (Value, error) {
	sc := scanner{data: f.data[:s.end], pos: s.start}
	depth, _ := sc.skipValue()
	return parseSpan(f.data, s.start, s.end, depth)
}

// values decodes a required array of values.
func (f fieldReader) values(s span, key string, dst *[]Value) error {
	if !f.present(s) {
		return missing(key)
	}
	if f.data[s.start] != '[' {
		return wrongType(key, "an array")
	}
	var vs []Value
	err := f.elements(s, func(start, end, depth int) error {
		if len(vs) == MaxGossipValues {
			return fmt.Errorf("field %q holds more than %d values", key, MaxGossipValues)
		}
		v, err := parseSpan(f.data, start, end, depth)
		if err != nil {
			return fmt.Errorf("field %q: %v", key, err)
		}
		vs = append(vs, v)
		return nil
	})
	if err != nil {
		return err
	}
	if vs == nil {
		vs = []Value{}
	}
	*dst = vs
	return nil
}
