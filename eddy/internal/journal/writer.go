package journal

import (
	"bufio"
	"io"

	"eddy/internal/jsonappend"
)

// Writer streams events to a file as journal lines.
type Writer struct {
	w       *bufio.Writer
	scratch []byte
}

// NewWriter buffers lines to w; call Flush before closing w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: bufio.NewWriterSize(w, 256<<10)} }

// Write appends one event's line: a send carries its "due", a drop
// "dropped":true, and a clock-zero line only its time.
func (w *Writer) Write(e Event) {
	b := append(w.scratch[:0], `{"t":`...)
	b = jsonappend.Int(b, e.T)
	b = append(b, `,"ev":"`...)
	b = append(b, e.Ev...)
	b = append(b, '"')
	if e.Ev != ClockZero {
		b = append(b, `,"id":`...)
		b = jsonappend.Int(b, e.ID)
		b = append(b, `,"src":`...)
		b = jsonappend.String(b, e.Src)
		b = append(b, `,"dest":`...)
		b = jsonappend.String(b, e.Dest)
		b = append(b, `,"type":`...)
		b = jsonappend.String(b, e.Type)
		switch e.Ev {
		case Send:
			b = append(b, `,"due":`...)
			b = jsonappend.Int(b, e.Due)
		case Drop:
			b = append(b, `,"dropped":true`...)
		}
	}
	w.scratch = append(b, '}', '\n')
	_, _ = w.w.Write(w.scratch)
}

// Flush writes out buffered lines.
func (w *Writer) Flush() error { return w.w.Flush() }
