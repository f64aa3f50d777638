package wal

import (
	"bytes"
	"fmt"

	"rumor/messages"
)

// Recovery is what Decode found in a log's bytes.
type Recovery struct {
	// Header is the log's header, when a valid one was found.
	Header    Header
	HasHeader bool
	// Values holds the values of every valid record, in log order.
	Values []messages.Value
	// End is the offset just after the last valid record.
	End int
	// Torn reports damage at the end with nothing valid after it: the tail
	// of a write a kill cut short, which was never acknowledged. Truncating
	// the log at End removes it.
	Torn bool
	// Corrupt reports damage with valid records after it, a missing magic,
	// or a record that passed its checksum but did not parse. The log must
	// be rewritten before it is appended to.
	Corrupt bool
	// Problems describes every damage found, one line each.
	Problems []string
}

// Decode recovers what it can from data, which may be any bytes: every
// complete, valid record before the first damaged byte, and every valid
// record after damage that has valid records after it (see the package
// comment). It never panics.
func Decode(data []byte) Recovery {
	var r Recovery
	pos := 0
	switch {
	case bytes.HasPrefix(data, []byte(magic)):
		pos = len(magic)
	case len(data) < len(magic) && bytes.HasPrefix([]byte(magic), data):
		if len(data) > 0 { // a kill while the file was being created
			r.Torn = true
			r.Problems = append(r.Problems, fmt.Sprintf("dropped a torn log header of %d bytes", len(data)))
		}
		return r
	default:
		r.Corrupt = true
		r.Problems = append(r.Problems, "the log does not start with its magic; reading what records it holds")
	}
	r.End = pos
	for pos < len(data) {
		payload, next, status := readRecord(data, pos)
		if status == recordOK {
			if err := r.take(payload); err != nil {
				r.Corrupt = true
				r.Problems = append(r.Problems, fmt.Sprintf("skipped a record at offset %d: %v", pos, err))
			}
			pos, r.End = next, next
			continue
		}
		resume := resync(data, pos+1)
		if resume < 0 {
			r.Torn = true
			r.Problems = append(r.Problems, fmt.Sprintf("dropped a torn record: %d bytes at offset %d, the end of the log", len(data)-pos, pos))
			break
		}
		r.Corrupt = true
		r.Problems = append(r.Problems, fmt.Sprintf("skipped %d damaged bytes at offset %d; the records after them are kept", resume-pos, pos))
		pos = resume
	}
	return r
}

// take applies one valid record's payload.
func (r *Recovery) take(payload []byte) error {
	if len(payload) > 0 && payload[0] == kindHeader {
		h, err := parseHeader(payload)
		if err != nil {
			return err
		}
		if r.HasHeader && h != r.Header {
			return fmt.Errorf("a second header, for %q/%q", h.Node, h.TestKey)
		}
		r.Header, r.HasHeader = h, true
		return nil
	}
	var err error
	r.Values, err = parseValues(payload, r.Values)
	return err
}

// resync returns the offset of the first valid, parseable record at or
// after from, or -1. Only offsets that start with the marker are checked.
func resync(data []byte, from int) int {
	for from < len(data) {
		i := bytes.IndexByte(data[from:], marker0)
		if i < 0 {
			return -1
		}
		at := from + i
		if payload, _, status := readRecord(data, at); status == recordOK && parses(payload) {
			return at
		}
		from = at + 1
	}
	return -1
}

// parses reports whether a payload would be taken without error.
func parses(payload []byte) bool {
	if len(payload) > 0 && payload[0] == kindHeader {
		_, err := parseHeader(payload)
		return err == nil
	}
	_, err := parseValues(payload, nil)
	return err == nil
}
