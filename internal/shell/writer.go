package shell

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"rumor/actor"
	"rumor/messages"
)

// drainGrace is how long the node, once stdin has ended, keeps trying to
// write replies that stdout will not take. Nobody reading stdout must not
// keep the process alive: it ends within this, well inside a second.
const drainGrace = 500 * time.Millisecond

// writer owns stdout and stderr; its handle method runs only on the loop's
// goroutine. The rest of the process may only set stdout's write deadline
// (abandonBy), which is safe alongside a write, and wait on broken.
type writer struct {
	stdout   *bufio.Writer
	deadline func(time.Time) error // stdout's SetWriteDeadline, or nil
	stderr   io.Writer
	verbose  bool

	// buf is the encoding buffer. Up to keepBuf it is kept between steps;
	// a larger one (a read_ok of many values) is kept while large outputs
	// keep coming, and dropped once they have stopped for bigQuiet.
	buf     []byte
	lastBig time.Time
	memory  relief

	// broken is closed when a write to stdout fails for any reason but a
	// deadline set at shutdown; err is that failure. The loop's goroutine
	// writes err before closing broken, and Run reads it after the loop has
	// stopped.
	broken chan struct{}
	err    error
	gaveUp bool // a deadline cut a write short; said once

	// draining is closed by Run once stdin has ended: from then on each
	// flush must finish within drainGrace, or the output is given up.
	draining chan struct{}
}

// keepBuf is the encoding buffer always kept between steps.
const keepBuf = 1 << 20

func newWriter(stdout, stderr io.Writer, verbose bool) *writer {
	w := &writer{stdout: bufio.NewWriterSize(stdout, 64<<10), stderr: stderr, verbose: verbose,
		broken: make(chan struct{}), draining: make(chan struct{})}
	if d, ok := stdout.(interface{ SetWriteDeadline(time.Time) error }); ok {
		w.deadline = d.SetWriteDeadline
	}
	return w
}

// abandonBy makes any write to stdout give up at t. It is called from Run
// while the loop may be writing; os.File allows that.
func (w *writer) abandonBy(t time.Time) {
	if w.deadline != nil {
		w.deadline(t)
	}
}

// drainWithin gives every write from now on, the current one included,
// grace to finish. Called once, from Run, when stdin has ended.
func (w *writer) drainWithin(grace time.Duration) {
	w.abandonBy(time.Now().Add(grace))
	close(w.draining)
}

// handle writes one step's output: its problems and notes to stderr, and
// all its messages in one flush, so a batch of gossip leaves together and
// nothing lingers in the buffer.
func (w *writer) handle(ev actor.Event, out actor.Output) {
	if w.verbose {
		if r, ok := ev.(actor.Received); ok {
			fmt.Fprintf(w.stderr, "recv %s", messages.Encode(r.Msg)) // Encode ends the line
		}
	}
	for _, p := range out.Problems {
		fmt.Fprintln(w.stderr, "rumor:", p)
	}
	for _, n := range out.Notes {
		fmt.Fprintln(w.stderr, "rumor:", n)
	}
	w.tidy()
	if len(out.Messages) == 0 || w.err != nil || w.gaveUp {
		return
	}
	for _, m := range out.Messages {
		w.buf = messages.AppendLine(w.buf[:0], m)
		if w.verbose {
			fmt.Fprintf(w.stderr, "send %s", w.buf)
		}
		w.stdout.Write(w.buf)
	}
	if cap(w.buf) > keepBuf {
		w.lastBig = time.Now()
	}
	select {
	case <-w.draining:
		w.abandonBy(time.Now().Add(drainGrace))
	default:
	}
	err := w.stdout.Flush()
	switch {
	case err == nil:
	case errors.Is(err, os.ErrDeadlineExceeded):
		w.gaveUp = true
		fmt.Fprintln(w.stderr, "rumor: stopping with output unwritten: stdout is not being read")
	default:
		w.err = err
		fmt.Fprintln(w.stderr, "rumor: writing stdout:", err)
		close(w.broken)
	}
}

// tidy drops a large encoding buffer once large outputs have stopped, and
// has its memory returned to the system (memory.go).
func (w *writer) tidy() {
	if cap(w.buf) > keepBuf && time.Since(w.lastBig) > bigQuiet {
		big := cap(w.buf) > bigLine
		w.buf = nil
		if big {
			w.memory.after()
		}
	}
}

// close stops what the writer left pending.
func (w *writer) close() { w.memory.stop() }
