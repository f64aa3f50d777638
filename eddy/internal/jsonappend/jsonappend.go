// Package jsonappend appends JSON values to byte slices without reflection
// or allocation, for lines built in a reused buffer on hot paths: the lines
// the network writes to nodes, and the network journal's lines.
//
// It exists because the standard library has no allocation-free way to
// write a JSON string, and strconv.Quote's Go escapes (\x..) are not valid
// JSON. The node under test has its own copy of this logic, on purpose:
// eddy shares no code with the node it tests.
package jsonappend

import (
	"strconv"
	"unicode/utf8"
)

// Int appends a decimal integer.
func Int(buf []byte, n int64) []byte { return strconv.AppendInt(buf, n, 10) }

// String appends s as a JSON string literal: quotes and backslashes
// escaped, control characters as \u00XX, invalid UTF-8 as \ufffd, anything
// else as it is.
func String(buf []byte, s string) []byte {
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
