package messages

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
)

// errValueTooLarge and errValueTooDeep refuse values that could not travel;
// see MaxValueBytes and MaxValueDepth.
var (
	errValueTooLarge = fmt.Errorf("value is longer than %d bytes in canonical form", MaxValueBytes)
	errValueTooDeep  = fmt.Errorf("value nests arrays and objects deeper than %d levels", MaxValueDepth)
)

// canonicalValue reads the already validated JSON value data[start:end] into
// a Value. Integers that fit in int64 are kept as numbers; everything else
// is written out once, in canonical form, straight from the line.
func canonicalValue(data []byte, start, end int) (Value, error) {
	raw := bytes.TrimRight(data[start:end], " \t\r\n")
	if n, ok := parseSmallInt(raw); ok {
		return Value{num: n}, nil
	}
	c := canonicaliser{scanner: scanner{data: raw}}
	if err := c.value(0); err != nil {
		return Value{}, err
	}
	return Value{text: string(c.out)}, nil
}

// canonicaliser writes one value in canonical form: object keys sorted by
// their encoded bytes with duplicates resolved to the last, strings with the
// fewest escapes (and never HTML escapes), numbers normalised. It stops as
// soon as the value is too deep or its output too long.
type canonicaliser struct {
	scanner
	out     []byte
	members []member // open objects' members, innermost last
	scratch []byte   // room to reorder one object's members
}

// member is one object member in out: key is out[key:colon] (quoted), the
// value is out[colon+1:end].
type member struct{ key, colon, end int }

func (c *canonicaliser) value(depth int) error {
	if depth > MaxValueDepth {
		return errValueTooDeep
	}
	var err error
	switch c.peek() {
	case '{':
		err = c.object(depth + 1)
	case '[':
		err = c.array(depth + 1)
	case '"':
		err = c.str()
	case 't':
		err = c.literal("true")
	case 'f':
		err = c.literal("false")
	case 'n':
		err = c.literal("null")
	default:
		err = c.number()
	}
	if err == nil && len(c.out) > MaxValueBytes {
		err = errValueTooLarge
	}
	return err
}

func (c *canonicaliser) literal(lit string) error {
	if err := c.skipLiteral(lit); err != nil {
		return err
	}
	c.out = append(c.out, lit...)
	return nil
}

// str copies a string, rewriting its escapes canonically.
func (c *canonicaliser) str() error {
	start := c.pos
	escaped, err := c.skipString()
	if err != nil {
		return err
	}
	raw := c.data[start+1 : c.pos-1]
	if !escaped { // nothing to rewrite: JSON forbids raw quotes and controls
		if len(c.out)+c.pos-start > MaxValueBytes {
			return errValueTooLarge // refused before it is copied
		}
		c.out = append(c.out, c.data[start:c.pos]...)
		return nil
	}
	c.out = appendString(c.out, string(appendUnescaped(nil, raw)))
	return nil
}

// number normalises a number: integers keep their digits (-0 becomes 0),
// doubles are printed shortest and always keep a fraction or exponent so they
// never equal an integer (Clojure's 1.0 is not 1).
func (c *canonicaliser) number() error {
	start := c.pos
	integer, err := c.skipNumber()
	if err != nil {
		return err
	}
	lit := c.data[start:c.pos]
	if integer {
		if string(lit) == "-0" {
			lit = lit[1:]
		}
		c.out = append(c.out, lit...)
		return nil
	}
	f, err := strconv.ParseFloat(string(lit), 64)
	if err != nil {
		// Out of double range: Clojure would read Infinity; keep the literal so
		// the value is still stored and served back.
		c.out = append(c.out, lit...)
		return nil
	}
	mark := len(c.out)
	c.out = strconv.AppendFloat(c.out, f, 'g', -1, 64)
	if !bytes.ContainsAny(c.out[mark:], ".eE") {
		c.out = append(c.out, ".0"...)
	}
	return nil
}

func (c *canonicaliser) array(depth int) error {
	c.pos++ // '['
	c.out = append(c.out, '[')
	if c.peek() == ']' {
		c.pos++
		c.out = append(c.out, ']')
		return nil
	}
	for {
		if err := c.value(depth); err != nil {
			return err
		}
		switch c.peek() {
		case ',':
			c.pos++
			c.out = append(c.out, ',')
		case ']':
			c.pos++
			c.out = append(c.out, ']')
			return nil
		default:
			return c.syntaxError("after an array element")
		}
	}
}

// object writes the members in input order, then reorders them in place if
// they were not already sorted: values arrive sorted far more often than not,
// and an in-place reorder needs no tree.
func (c *canonicaliser) object(depth int) error {
	c.pos++ // '{'
	open := len(c.out)
	c.out = append(c.out, '{')
	if c.peek() == '}' {
		c.pos++
		c.out = append(c.out, '}')
		return nil
	}
	base := len(c.members)
	defer func() { c.members = c.members[:base] }()
	for {
		c.ws()
		m := member{key: len(c.out)}
		if err := c.str(); err != nil {
			return err
		}
		m.colon = len(c.out)
		if err := c.expect(':', "after an object key"); err != nil {
			return err
		}
		c.out = append(c.out, ':')
		if err := c.value(depth); err != nil {
			return err
		}
		m.end = len(c.out)
		c.members = append(c.members, m)
		switch c.peek() {
		case ',':
			c.pos++
			c.out = append(c.out, ',')
			continue
		case '}':
			c.pos++
		default:
			return c.syntaxError("after an object member")
		}
		break
	}
	c.sortMembers(open, c.members[base:])
	c.out = append(c.out, '}')
	return nil
}

// sortMembers rewrites out[open:] (an object's '{' and its members, without
// the closing brace) with the members sorted by key and each key kept once,
// with its last value.
func (c *canonicaliser) sortMembers(open int, ms []member) {
	key := func(m member) []byte { return c.out[m.key:m.colon] }
	sorted := true
	for i := 1; i < len(ms); i++ {
		if bytes.Compare(key(ms[i-1]), key(ms[i])) >= 0 {
			sorted = false
			break
		}
	}
	if sorted {
		return
	}
	slices.SortStableFunc(ms, func(a, b member) int { return bytes.Compare(key(a), key(b)) })
	c.scratch = append(c.scratch[:0], c.out[open:]...)
	from := func(m member) []byte { return c.scratch[m.key-open : m.end-open] }
	oldKey := func(m member) []byte { return c.scratch[m.key-open : m.colon-open] }
	c.out = append(c.out[:open], '{')
	first := true
	for i, m := range ms {
		if i+1 < len(ms) && bytes.Equal(oldKey(ms[i+1]), oldKey(m)) {
			continue // a later duplicate wins
		}
		if !first {
			c.out = append(c.out, ',')
		}
		first = false
		c.out = append(c.out, from(m)...)
	}
}
