package sim

import (
	"hash"
	"hash/fnv"
	"io"
	"strconv"
)

// Trace records a run as lines of text and hashes them as they go. Writing
// the lines out is optional and off in bulk runs, because formatting costs
// far more than hashing; a failing seed is simply replayed with a writer.
type Trace struct {
	sum  hash.Hash64
	out  io.Writer // nil: hash only
	line []byte    // reused buffer for the line being built
	n    int
}

// NewTrace returns a trace that hashes every line and, when out is not nil,
// also writes it there.
func NewTrace(out io.Writer) *Trace {
	return &Trace{sum: fnv.New64a(), out: out}
}

// Hash returns the FNV-1a hash of every line recorded so far.
func (t *Trace) Hash() uint64 { return t.sum.Sum64() }

// Lines returns how many lines were recorded.
func (t *Trace) Lines() int { return t.n }

// begin starts a line stamped with the tick it happened at.
func (t *Trace) begin(now int64, verb string) *Trace {
	t.line = strconv.AppendInt(t.line[:0], now, 10)
	t.line = append(t.line, ' ')
	t.line = append(t.line, verb...)
	return t
}

// word appends a space and s to the line being built.
func (t *Trace) word(s string) *Trace {
	t.line = append(t.line, ' ')
	t.line = append(t.line, s...)
	return t
}

// raw appends b (an encoded message, which ends in a newline) to the line.
func (t *Trace) raw(b []byte) *Trace {
	t.line = append(t.line, ' ')
	t.line = append(t.line, b...)
	return t
}

// end finishes the line: hashes it and writes it out if anyone listens.
func (t *Trace) end() {
	if n := len(t.line); n == 0 || t.line[n-1] != '\n' {
		t.line = append(t.line, '\n')
	}
	t.n++
	t.sum.Write(t.line)
	if t.out != nil {
		// A sink that fails loses lines, never correctness: the hash is kept.
		_, _ = t.out.Write(t.line)
	}
}
