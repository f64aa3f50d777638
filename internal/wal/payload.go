package wal

import (
	"encoding/binary"
	"errors"
	"fmt"

	"rumor/messages"
)

// Payload kinds: the first byte of every record's payload.
const (
	kindHeader = 'H'
	kindValues = 'V'
)

// magic opens every log file.
const magic = "rumorwal"

// formatVersion is the header's version byte; a log of another version is
// not read.
const formatVersion = 1

// Header names what a log belongs to: one node of one test. A log whose
// header names anything else is not this node's, and its values are never
// loaded.
type Header struct {
	Node    string
	TestKey string
}

// appendHeaderPayload encodes h.
func appendHeaderPayload(b []byte, h Header) []byte {
	b = append(b, kindHeader, formatVersion)
	b = appendBytes(b, h.Node)
	return appendBytes(b, h.TestKey)
}

// maxRecordValues is the size at which an append starts a new record:
// records stay small enough to be read back without a large buffer, and a
// torn write loses at most the records it did not finish.
const maxRecordValues = 1 << 20

// AppendStart appends what a new log starts with, the magic and h's header
// record, to b.
func AppendStart(b []byte, h Header) []byte {
	return appendRecord(append(b, magic...), appendHeaderPayload(nil, h))
}

// AppendValues appends the records of one append of vs to b: what Log.Append
// writes, for callers that keep a log in memory (the simulator).
func AppendValues(b []byte, vs []messages.Value) []byte {
	b, _ = appendValueRecords(b, vs, nil)
	return b
}

// appendValueRecords appends vs as one or more records, each holding as
// many values as fit in maxRecordValues bytes (a larger value alone).
// scratch is room for one payload, returned for reuse.
func appendValueRecords(b []byte, vs []messages.Value, scratch []byte) ([]byte, []byte) {
	for start := 0; start < len(vs); {
		payload := append(scratch[:0], kindValues)
		end := start
		for end < len(vs) && (end == start || len(payload)+vs[end].Size() < maxRecordValues) {
			payload = binary.AppendUvarint(payload, uint64(vs[end].Size()))
			payload = vs[end].AppendJSON(payload)
			end++
		}
		b = appendRecord(b, payload)
		scratch = payload
		start = end
	}
	return b, scratch
}

func appendBytes(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// errPayload is a record whose checksum held but whose contents do not
// parse: written by something else, or damaged in a way the checksum missed.
var errPayload = errors.New("record contents do not parse")

// parseHeader decodes a header payload.
func parseHeader(p []byte) (Header, error) {
	if len(p) < 2 || p[0] != kindHeader {
		return Header{}, errPayload
	}
	if p[1] != formatVersion {
		return Header{}, fmt.Errorf("log format version %d, want %d", p[1], formatVersion)
	}
	rest := p[2:]
	node, rest, ok := readBytes(rest)
	if !ok {
		return Header{}, errPayload
	}
	key, rest, ok := readBytes(rest)
	if !ok || len(rest) != 0 {
		return Header{}, errPayload
	}
	return Header{Node: string(node), TestKey: string(key)}, nil
}

// parseValues decodes a values payload, appending its values to vs. A
// payload that does not parse to the end adds nothing.
func parseValues(p []byte, vs []messages.Value) ([]messages.Value, error) {
	if len(p) < 1 || p[0] != kindValues {
		return vs, errPayload
	}
	keep := len(vs)
	for rest := p[1:]; len(rest) > 0; {
		var text []byte
		var ok bool
		text, rest, ok = readBytes(rest)
		if !ok {
			return vs[:keep], errPayload
		}
		v, err := messages.ParseValue(text)
		if err != nil {
			return vs[:keep], fmt.Errorf("%w: %v", errPayload, err)
		}
		vs = append(vs, v)
	}
	return vs, nil
}

// readBytes reads one length-prefixed string; the result shares b.
func readBytes(b []byte) ([]byte, []byte, bool) {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)-k) {
		return nil, nil, false
	}
	return b[k : k+int(n)], b[k+int(n):], true
}
