package lines

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// ErrTooLong reports a line over the limit; the reader has already skipped
// it and the next call returns the line after it.
type ErrTooLong struct{ Limit int }

func (e ErrTooLong) Error() string { return fmt.Sprintf("line longer than %d bytes skipped", e.Limit) }

// keepBytes is the most buffer a Reader keeps between lines. A longer line
// gets a buffer of its own, dropped at the next call, so one large line does
// not pin its size for the life of the process.
const keepBytes = 1 << 20

// Reader returns one line at a time.
type Reader struct {
	in    *bufio.Reader
	limit int
	line  []byte
}

// NewReader reads from r, refusing lines longer than limit bytes.
func NewReader(r io.Reader, limit int) *Reader {
	return &Reader{in: bufio.NewReaderSize(r, 64<<10), limit: limit}
}

// Release lets go of a buffer that a long line made larger than the reader
// keeps, at once rather than at the next call; the line Next last returned
// is invalid after it.
func (r *Reader) Release() {
	if cap(r.line) > keepBytes {
		r.line = nil
	}
}

// Next returns the next line without its terminator. The slice is valid only
// until the following call. At end of input it returns io.EOF; a line over
// the limit gives ErrTooLong, after which reading can go on.
func (r *Reader) Next() ([]byte, error) {
	if cap(r.line) > keepBytes {
		r.line = nil
	}
	r.line = r.line[:0]
	tooLong := false
	for {
		chunk, err := r.in.ReadSlice('\n')
		if !tooLong {
			if len(r.line)+len(chunk) > r.limit+2 { // +2 leaves room for "\r\n"
				tooLong, r.line = true, r.line[:0]
			} else {
				r.line = append(r.line, chunk...)
			}
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err == io.EOF && (len(r.line) > 0 || tooLong):
			// A last line without a newline still counts.
		case err != nil:
			return nil, err
		}
		if tooLong {
			return nil, ErrTooLong{Limit: r.limit}
		}
		line := bytes.TrimSuffix(r.line, []byte("\n"))
		return bytes.TrimSuffix(line, []byte("\r")), nil
	}
}
