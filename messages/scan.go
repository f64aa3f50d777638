package messages

import "fmt"

// scanner walks one line of JSON in place. It validates without building
// anything: values are located as spans of the line and decoded later, each
// into the one type its field needs, so a line is never copied and never
// becomes a generic tree.
type scanner struct {
	data []byte
	pos  int
}

// span is where one JSON value sits in the line: data[start:end].
type span struct {
	start, end int
	ok         bool // the field was there
}

// syntaxError describes malformed JSON at an offset of the line.
func (s *scanner) syntaxError(what string) error {
	if s.pos >= len(s.data) {
		return fmt.Errorf("unexpected end of JSON input (%s)", what)
	}
	return fmt.Errorf("invalid character %q at offset %d (%s)", s.data[s.pos], s.pos, what)
}

func (s *scanner) ws() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

// peek returns the next byte after whitespace, or 0 at the end.
func (s *scanner) peek() byte {
	s.ws()
	if s.pos < len(s.data) {
		return s.data[s.pos]
	}
	return 0
}

func (s *scanner) expect(c byte, what string) error {
	if s.peek() != c {
		return s.syntaxError(what)
	}
	s.pos++
	return nil
}

// skipString steps over one string and reports whether it holds escapes.
// The line is known to be valid UTF-8, so only quotes, backslashes and
// control characters need looking at.
func (s *scanner) skipString() (escaped bool, err error) {
	if s.peek() != '"' {
		return false, s.syntaxError("want a string")
	}
	s.pos++
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		switch {
		case c == '"':
			s.pos++
			return escaped, nil
		case c == '\\':
			escaped = true
			s.pos++
			if s.pos >= len(s.data) {
				return escaped, s.syntaxError("in a string escape")
			}
			switch s.data[s.pos] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				s.pos++
			case 'u':
				s.pos++
				for range 4 {
					if s.pos >= len(s.data) || unhex(s.data[s.pos]) < 0 {
						return escaped, s.syntaxError("in a \\u escape")
					}
					s.pos++
				}
			default:
				return escaped, s.syntaxError("in a string escape")
			}
		case c < 0x20:
			return escaped, s.syntaxError("control character in a string")
		default:
			s.pos++
		}
	}
	return escaped, s.syntaxError("unterminated string")
}

func unhex(c byte) rune {
	switch {
	case '0' <= c && c <= '9':
		return rune(c - '0')
	case 'a' <= c && c <= 'f':
		return rune(c - 'a' + 10)
	case 'A' <= c && c <= 'F':
		return rune(c - 'A' + 10)
	}
	return -1
}

// skipNumber steps over one number and reports whether it is an integer
// (no fraction, no exponent).
func (s *scanner) skipNumber() (integer bool, err error) {
	digits := func() int {
		n := 0
		for s.pos < len(s.data) && '0' <= s.data[s.pos] && s.data[s.pos] <= '9' {
			s.pos++
			n++
		}
		return n
	}
	if s.pos < len(s.data) && s.data[s.pos] == '-' {
		s.pos++
	}
	switch {
	case s.pos < len(s.data) && s.data[s.pos] == '0':
		s.pos++
	case digits() == 0:
		return false, s.syntaxError("want a value")
	}
	integer = true
	if s.pos < len(s.data) && s.data[s.pos] == '.' {
		integer = false
		s.pos++
		if digits() == 0 {
			return false, s.syntaxError("after a decimal point")
		}
	}
	if s.pos < len(s.data) && (s.data[s.pos] == 'e' || s.data[s.pos] == 'E') {
		integer = false
		s.pos++
		if s.pos < len(s.data) && (s.data[s.pos] == '+' || s.data[s.pos] == '-') {
			s.pos++
		}
		if digits() == 0 {
			return false, s.syntaxError("in an exponent")
		}
	}
	return integer, nil
}

func (s *scanner) skipLiteral(lit string) error {
	if len(s.data)-s.pos < len(lit) || string(s.data[s.pos:s.pos+len(lit)]) != lit {
		return s.syntaxError("want a value")
	}
	s.pos += len(lit)
	return nil
}

// skipScalar steps over a string, number or literal.
func (s *scanner) skipScalar() error {
	switch s.peek() {
	case '"':
		_, err := s.skipString()
		return err
	case 't':
		return s.skipLiteral("true")
	case 'f':
		return s.skipLiteral("false")
	case 'n':
		return s.skipLiteral("null")
	}
	_, err := s.skipNumber()
	return err
}

// skipValue steps over one value of any depth and returns how deeply it
// nests (a scalar is 0, [] is 1). It keeps one bit per open level instead
// of recursing, so no line, however deep, can exhaust the stack, and a value
// too deep to accept can still be told apart from a broken line: the line
// around it stays readable and the request can be answered.
func (s *scanner) skipValue() (depth int, err error) {
	var open bitStack // true: an object
	maxDepth := 0
	for {
		// A value is expected here.
		switch s.peek() {
		case '{', '[':
			isObject := s.data[s.pos] == '{'
			s.pos++
			maxDepth = max(maxDepth, open.len()+1)
			if isObject && s.peek() == '}' || !isObject && s.peek() == ']' {
				s.pos++
				break
			}
			open.push(isObject)
			if isObject {
				if err := s.memberKey(); err != nil {
					return 0, err
				}
			}
			continue
		default:
			if err := s.skipScalar(); err != nil {
				return 0, err
			}
		}
		// A value has ended: close what it ends, or move to the next one.
		for {
			if open.len() == 0 {
				return maxDepth, nil
			}
			isObject := open.top()
			c := s.peek()
			switch {
			case c == ',':
				s.pos++
				if isObject {
					if err := s.memberKey(); err != nil {
						return 0, err
					}
				}
			case isObject && c == '}', !isObject && c == ']':
				s.pos++
				open.pop()
				continue
			default:
				return 0, s.syntaxError("after a value in an array or object")
			}
			break
		}
	}
}

// memberKey steps over `"key" :`.
func (s *scanner) memberKey() error {
	if _, err := s.skipString(); err != nil {
		return err
	}
	return s.expect(':', "after an object key")
}

// bitStack is a stack of booleans, one bit each.
type bitStack struct {
	words []uint64
	n     int
}

func (b *bitStack) len() int { return b.n }

func (b *bitStack) push(v bool) {
	if b.n/64 == len(b.words) {
		b.words = append(b.words, 0)
	}
	if v {
		b.words[b.n/64] |= 1 << (b.n % 64)
	} else {
		b.words[b.n/64] &^= 1 << (b.n % 64)
	}
	b.n++
}

func (b *bitStack) top() bool { return b.words[(b.n-1)/64]&(1<<((b.n-1)%64)) != 0 }

func (b *bitStack) pop() { b.n-- }

// fields reads an object whose members are all validated but only the
// named ones recorded: spans[i] is where the value of names[i] sits. When a
// name repeats, the last one wins, as with Maelstrom's reader. Unknown
// members cost no memory, however many there are.
func (s *scanner) fields(names []string, spans []span) error {
	if err := s.expect('{', "want an object"); err != nil {
		return err
	}
	if s.peek() == '}' {
		s.pos++
		return nil
	}
	for {
		s.ws()
		keyStart := s.pos
		escaped, err := s.skipString()
		if err != nil {
			return err
		}
		key := s.data[keyStart+1 : s.pos-1]
		var unescaped string
		if escaped {
			unescaped = decodeStringBody(key, nil)
		}
		if err := s.expect(':', "after an object key"); err != nil {
			return err
		}
		s.ws()
		start := s.pos
		if _, err := s.skipValue(); err != nil {
			return err
		}
		for i, name := range names {
			if !escaped && string(key) == name || escaped && unescaped == name {
				spans[i] = span{start: start, end: s.pos, ok: true}
				break
			}
		}
		switch s.peek() {
		case ',':
			s.pos++
		case '}':
			s.pos++
			return nil
		default:
			return s.syntaxError("after an object member")
		}
	}
}
