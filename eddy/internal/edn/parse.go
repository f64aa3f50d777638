package edn

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Parse reads one EDN document, the inverse of Compact for everything this
// package prints: nil, booleans, integers, strings (with the escapes Quote
// writes, and \uXXXX), keywords, symbols, vectors, lists, sets, maps and
// tagged records (#tag{…}); commas are whitespace. An integer too big for
// an int64, and any number with a fraction or an exponent, comes back as
// Raw holding its text, so it prints exactly as it was read.
func Parse(text string) (Value, error) {
	p := parser{s: text}
	v, err := p.value()
	if err != nil {
		return nil, err
	}
	p.skip()
	if p.i < len(p.s) {
		return nil, p.errorf("text after the document")
	}
	return v, nil
}

type parser struct {
	s string
	i int
}

func (p *parser) errorf(format string, args ...any) error {
	return fmt.Errorf("edn: at byte %d: %s", p.i, fmt.Sprintf(format, args...))
}

// skip passes whitespace and commas.
func (p *parser) skip() {
	for p.i < len(p.s) && strings.IndexByte(" \t\n\r,", p.s[p.i]) >= 0 {
		p.i++
	}
}

func (p *parser) value() (Value, error) {
	p.skip()
	if p.i >= len(p.s) {
		return nil, p.errorf("unexpected end")
	}
	switch c := p.s[p.i]; {
	case c == '[':
		items, err := p.items(']')
		return Vector(items), err
	case c == '(':
		items, err := p.items(')')
		return List(items), err
	case c == '{':
		return p.mapOf()
	case c == '"':
		return p.str()
	case c == ':':
		p.i++
		return Keyword(p.token()), nil
	case c == '#':
		p.i++
		if p.i < len(p.s) && p.s[p.i] == '{' {
			items, err := p.items('}')
			return Set(items), err
		}
		tag := p.token()
		if tag == "" || p.i >= len(p.s) || p.s[p.i] != '{' {
			return nil, p.errorf("a tag must be followed by a map")
		}
		fields, err := p.mapOf()
		if err != nil {
			return nil, err
		}
		return Record{Tag: tag, Fields: fields.(Map)}, nil
	case c == '-' || c == '+' || (c >= '0' && c <= '9'):
		return p.number()
	}
	word := p.token()
	switch word {
	case "":
		return nil, p.errorf("unexpected %q", p.s[p.i])
	case "nil":
		return Nil{}, nil
	case "true":
		return Bool(true), nil
	case "false":
		return Bool(false), nil
	}
	return Symbol(word), nil
}

// token reads a symbol or keyword name: everything up to a delimiter.
func (p *parser) token() string {
	start := p.i
	for p.i < len(p.s) && strings.IndexByte(" \t\n\r,[](){}\"#", p.s[p.i]) < 0 {
		p.i++
	}
	return p.s[start:p.i]
}

func (p *parser) number() (Value, error) {
	start := p.i
	word := p.token()
	if !strings.ContainsAny(word, ".eE") {
		if n, err := strconv.ParseInt(word, 10, 64); err == nil {
			return Int(n), nil
		}
	}
	if _, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSuffix(word, "N"), "M"), 64); err != nil && !isDigits(strings.TrimLeft(word, "+-")) {
		p.i = start
		return nil, p.errorf("bad number %q", word)
	}
	return Raw(word), nil
}

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// items reads values up to the closing bracket.
func (p *parser) items(closing byte) ([]Value, error) {
	p.i++ // the opening bracket
	var out []Value
	for {
		p.skip()
		if p.i >= len(p.s) {
			return nil, p.errorf("missing %q", closing)
		}
		if p.s[p.i] == closing {
			p.i++
			return out, nil
		}
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
}

func (p *parser) mapOf() (Value, error) {
	items, err := p.items('}')
	if err != nil {
		return nil, err
	}
	if len(items)%2 != 0 {
		return nil, p.errorf("a map needs an even number of forms")
	}
	m := make(Map, 0, len(items)/2)
	for i := 0; i < len(items); i += 2 {
		m = append(m, Entry{Key: items[i], Val: items[i+1]})
	}
	return m, nil
}

// str reads a string literal: the escapes Quote writes, and \uXXXX.
func (p *parser) str() (Value, error) {
	p.i++ // the opening quote
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			p.i++
			return String(b.String()), nil
		case c == '\\' && p.i+1 < len(p.s):
			e := p.s[p.i+1]
			p.i += 2
			switch e {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case 'f':
				b.WriteByte('\f')
			case 'b':
				b.WriteByte('\b')
			case 'u':
				if p.i+4 > len(p.s) {
					return nil, p.errorf("short \\u escape")
				}
				r, err := strconv.ParseUint(p.s[p.i:p.i+4], 16, 32)
				if err != nil {
					return nil, p.errorf("bad \\u escape")
				}
				b.WriteRune(rune(r))
				p.i += 4
			default:
				b.WriteByte(e)
			}
		default:
			r, size := utf8.DecodeRuneInString(p.s[p.i:])
			b.WriteRune(r)
			p.i += size
		}
	}
	return nil, p.errorf("unterminated string")
}
