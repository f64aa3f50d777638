package shell

import (
	"bytes"
	"io"
	"time"
)

// StampLayout is how every line rumor writes on stderr begins: the wall
// clock in RFC 3339, UTC, with nanoseconds.
const StampLayout = "2006-01-02T15:04:05.000000000Z07:00"

// Stamped returns a writer that begins every line written through it with
// the wall-clock time (StampLayout), a space, and "rumor: " unless the line
// says so already. Tools read rumor's stderr by this contract (a hub change,
// for one, is logged as "rumor: hub <old> -> <new>: <reason>"), so every
// line gets it, whoever writes it.
//
// It keeps no state between writes: each Write is taken to start a line,
// which holds for every writer of stderr here (fmt.Fprintln and the flag
// package write a line or more per call). So it needs no lock, and
// concurrent writers interleave no worse than on the file itself.
func Stamped(w io.Writer) io.Writer { return stamped{w: w, now: time.Now} }

type stamped struct {
	w   io.Writer
	now func() time.Time
}

var prefix = []byte("rumor: ")

func (s stamped) Write(p []byte) (int, error) {
	var b []byte
	stamp := s.now().UTC().AppendFormat(nil, StampLayout)
	for rest := p; len(rest) > 0; {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line = rest[:i+1]
		}
		rest = rest[len(line):]
		b = append(append(b, stamp...), ' ')
		if !bytes.HasPrefix(line, prefix) {
			b = append(b, prefix...)
		}
		b = append(b, line...)
	}
	if _, err := s.w.Write(b); err != nil {
		return 0, err
	}
	return len(p), nil
}
