package netsim

import (
	"strconv"
	"unicode/utf8"
)

// appendInt appends a decimal integer; a named wrapper keeps call sites short.
func appendInt(buf []byte, n int64) []byte { return strconv.AppendInt(buf, n, 10) }

// appendJSONString appends s as a JSON string literal. It exists so the
// delivery loops can build lines in a reused buffer without allocating;
// strconv.Quote is not used because Go escapes (\x..) are not valid JSON.
func appendJSONString(buf []byte, s string) []byte {
	const hex = "0123456789abcdef"
	buf = append(buf, '"')
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			buf = append(buf, '\\', c)
			i++
		case c < 0x20:
			buf = append(buf, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			i++
		case c < utf8.RuneSelf:
			buf = append(buf, c)
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				buf = append(buf, `\ufffd`...)
			} else {
				buf = append(buf, s[i:i+size]...)
			}
			i += size
		}
	}
	return append(buf, '"')
}
