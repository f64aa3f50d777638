// Command rumor is a broadcast node for Jepsen's Maelstrom (the Gossip
// Glomers challenges 3a–3e). It speaks Maelstrom's protocol on stdin and
// stdout and logs problems to stderr.
//
// The process is a thin shell: one goroutine reads and decodes lines and
// pushes them as events; one goroutine (actor.Loop) owns the node's state,
// its ticker, stdout and stderr; a third reads stdin a little ahead
// (lines.Ahead), so the end of input shows even when the loop is stuck.
// Nothing is locked because nothing is shared.
//
// Shutdown: SIGTERM or SIGINT ends the node at once, dropping output that
// stdout will not take; a second signal ends it even sooner, with the
// signal's default action. The end of stdin lets the last replies out, but
// gives each write at most half a second. A write to stdout that fails (a
// closed pipe: EPIPE) ends the node with one line on stderr and exit code 1.
// None of these can hang on a stdout nobody reads: stdout is a pipe in
// non-blocking mode, and a write deadline wakes a blocked write.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"rumor/actor"
	"rumor/internal/lines"
	"rumor/messages"
)

// maxLine bounds one input line: what this node accepts from a peer, and
// what every message a peer sends it stays well under (see messages.MaxLineBytes).
const maxLine = messages.MaxLineBytes

// drainGrace is how long the node, once stdin has ended, keeps trying to
// write replies that stdout will not take. Nobody reading stdout must not
// keep the process alive: it ends within this, well inside a second.
const drainGrace = 500 * time.Millisecond

func main() {
	// A closed stdout then fails the write with EPIPE, which the writer
	// reports, instead of killing the process without a word.
	signal.Ignore(syscall.SIGPIPE)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	// The first signal starts a prompt shutdown; unregistering then restores
	// the default action, so a second signal ends the process at once.
	context.AfterFunc(ctx, stop)
	stdout, stderr := interruptibleStdout(), os.Stderr
	if stdout != os.Stdout && sameFile(os.Stdout, os.Stderr) {
		// 2>&1 into a pipe: the descriptors share one open file, now in
		// non-blocking mode, so stderr must go through the poller too or a
		// full pipe would make its writes fail instead of wait.
		stderr = pollable(os.Stderr, "/dev/stderr")
	}
	code := run(ctx, os.Args[1:], interruptibleStdin(), stdout, stderr)
	stop()
	os.Exit(code)
}

// interruptibleStdin returns stdin in a form whose Close wakes a blocked
// Read, so that SIGTERM or Ctrl-C stops the node even while no line comes.
// A descriptor in blocking mode parks the reading goroutine in a system call
// that Close cannot reach; in non-blocking mode the runtime's poller serves
// it and Close works. An inherited pipe is switched over in place. A
// terminal is opened afresh instead: non-blocking mode belongs to the open
// file, and the one we inherit is shared with the user's shell.
func interruptibleStdin() *os.File {
	info, err := os.Stdin.Stat()
	if err != nil {
		return os.Stdin
	}
	switch {
	case info.Mode()&os.ModeNamedPipe != 0:
		return pollable(os.Stdin, "/dev/stdin")
	case info.Mode()&os.ModeCharDevice != 0:
		if tty, err := os.Open("/dev/stdin"); err == nil {
			return tty
		}
	}
	return os.Stdin
}

// interruptibleStdout returns stdout in a form whose write deadline wakes a
// blocked Write, for the same reason: if nobody reads a pipe, a write blocks
// for ever, and the node could never stop. Only a pipe is switched (what
// Maelstrom gives a node); a terminal or a file does not block for long.
func interruptibleStdout() *os.File {
	if info, err := os.Stdout.Stat(); err == nil && info.Mode()&os.ModeNamedPipe != 0 {
		return pollable(os.Stdout, "/dev/stdout")
	}
	return os.Stdout
}

func sameFile(a, b *os.File) bool {
	ai, errA := a.Stat()
	bi, errB := b.Stat()
	return errA == nil && errB == nil && os.SameFile(ai, bi)
}

// pollable puts f's descriptor in non-blocking mode and returns a new File
// for it, which the runtime's poller then serves.
func pollable(f *os.File, name string) *os.File {
	if err := syscall.SetNonblock(int(f.Fd()), true); err != nil {
		return f
	}
	return os.NewFile(f.Fd(), name)
}

// options are the node's command-line settings.
type options struct {
	tick, batch, retransmit, maxRetransmit, ackDelay time.Duration
	failover                                         time.Duration
	strategy                                         string
	verbose                                          bool
}

func parseOptions(args []string, stderr io.Writer) (options, actor.Config, error) {
	def := actor.DefaultConfig()
	const tick = 10 * time.Millisecond
	var o options
	fs := flag.NewFlagSet("rumor", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.DurationVar(&o.tick, "tick", tick, "how often the node's timers advance")
	fs.DurationVar(&o.batch, "batch", time.Duration(def.BatchTicks)*tick, "least gap between two gossip batches to one peer")
	fs.DurationVar(&o.retransmit, "retransmit", time.Duration(def.RetransmitTicks)*tick, "resend unacknowledged values after this long (doubles per retry)")
	fs.DurationVar(&o.maxRetransmit, "max-retransmit", time.Duration(def.MaxRetransmitTicks)*tick, "cap on the retransmission backoff")
	fs.DurationVar(&o.failover, "failover", time.Duration(def.FailoverTicks)*tick, "star: move to the next hub when the hub leaves a value unacknowledged this long")
	fs.DurationVar(&o.ackDelay, "ack-delay", time.Duration(def.AckTicks)*tick, "how long an acknowledgement may wait for gossip to ride on")
	fs.StringVar(&o.strategy, "strategy", def.Strategy.String(), "where values go: star, topology or mesh")
	fs.BoolVar(&o.verbose, "verbose", false, "log every message in and out on stderr")
	if err := fs.Parse(args); err != nil {
		return o, def, err
	}
	if fs.NArg() > 0 {
		return o, def, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if o.tick <= 0 {
		return o, def, errors.New("-tick must be positive")
	}
	strategy, err := actor.ParseStrategy(o.strategy)
	if err != nil {
		return o, def, err
	}
	ticks := func(d time.Duration) int64 { return int64((d + o.tick - 1) / o.tick) }
	cfg := actor.Config{
		Strategy:           strategy,
		BatchTicks:         ticks(o.batch),
		RetransmitTicks:    ticks(o.retransmit),
		MaxRetransmitTicks: ticks(o.maxRetransmit),
		FailoverTicks:      ticks(o.failover),
		AckTicks:           ticks(o.ackDelay),
		// Later starts of a node get larger incarnations, so its peers can
		// tell that it restarted and send it everything again.
		Incarnation: uint64(time.Now().UnixNano()),
	}
	return o, cfg, cfg.Validate()
}

// run is the whole node, separated from main so tests can run many nodes in
// one process. It returns when stdin ends or ctx is cancelled, with nothing
// left running.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	opts, cfg, err := parseOptions(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0 // the usage was asked for, and printed
	}
	if err != nil {
		fmt.Fprintln(stderr, "rumor:", err)
		return 2
	}
	node, err := actor.NewNode(cfg)
	if err != nil {
		fmt.Fprintln(stderr, "rumor:", err)
		return 2
	}
	out := newWriter(stdout, stderr, opts.verbose)
	loop := actor.Start(node, opts.tick, nil, out.handle)

	// Reading ahead lets the end of stdin show even while the loop, stuck on
	// a stdout nobody reads, takes no more lines.
	in := lines.NewAhead(stdin)
	defer in.Close()
	readerDone := make(chan struct{})
	go func() {
		defer close(readerDone)
		readLines(in, loop)
	}()

	ended := in.Ended()
	for stopping := false; !stopping; {
		select {
		case <-ended: // what is left of stdin still gets answered, promptly or not at all
			ended = nil
			out.drainWithin(drainGrace)
		case <-readerDone: // every line has been pushed
			stopping = true
		case <-ctx.Done():
			closeInput(stdin)
			out.abandonBy(time.Now())
			stopping = true
		case <-out.broken:
			closeInput(stdin)
			stopping = true
		}
	}
	// The loop may be in the middle of a write; with a deadline set, that
	// write returns by it, so Stop cannot hang on a stdout nobody reads.
	loop.Stop()
	<-readerDone
	if out.err != nil {
		return 1
	}
	return 0
}

// closeInput wakes a reader blocked on stdin; see interruptibleStdin.
func closeInput(stdin io.Reader) {
	if c, ok := stdin.(io.Closer); ok {
		c.Close()
	}
}

// readLines decodes stdin line by line and pushes each result into the loop.
// It only decodes and pushes: answering, even bad input, is the node's job.
func readLines(stdin io.Reader, loop *actor.Loop) {
	in := lines.NewReader(stdin, maxLine)
	for {
		line, err := in.Next()
		var ev actor.Event
		var tooLong lines.ErrTooLong
		switch {
		case errors.As(err, &tooLong):
			ev = actor.Rejected{Err: &messages.DecodeError{Reason: err.Error()}}
		case err != nil:
			return // end of input, or stdin closed under us
		default:
			if msg, err := messages.Decode(line); err != nil {
				var de *messages.DecodeError
				errors.As(err, &de)
				ev = actor.Rejected{Err: de}
			} else {
				ev = actor.Received{Msg: msg}
			}
		}
		big := len(line) > bigLine
		if big {
			in.Release() // decoded: the Message shares nothing with the line
		}
		if !loop.Push(ev) {
			return
		}
		if big {
			// An idle node allocates too little to start a collection soon,
			// so the garbage a long line leaves (its buffer, the decoder's
			// scratch) would stay resident for minutes: collect it and give
			// the memory back now.
			debug.FreeOSMemory()
		}
	}
}

// bigLine is the length from which a line's garbage is returned to the
// system at once: far above what Maelstrom sends, so a normal run never
// pays for a forced collection.
const bigLine = 4 << 20

// writer owns stdout and stderr; its handle method runs only on the loop's
// goroutine. The rest of the process may only set stdout's write deadline
// (abandonBy), which is safe alongside a write, and wait on broken.
type writer struct {
	stdout   *bufio.Writer
	deadline func(time.Time) error // stdout's SetWriteDeadline, or nil
	stderr   io.Writer
	verbose  bool
	buf      []byte

	// broken is closed when a write to stdout fails for any reason but a
	// deadline set at shutdown; err is that failure. The loop's goroutine
	// writes err before closing broken, and main reads it after Stop.
	broken chan struct{}
	err    error
	gaveUp bool // a deadline cut a write short; said once

	// draining is closed by main once stdin has ended: from then on each
	// flush must finish within drainGrace, or the output is given up.
	draining chan struct{}
}

// keepBuf is the most encoding buffer kept between steps; a larger message
// (a read_ok of many values) gets its own, which is dropped afterwards.
const keepBuf = 1 << 20

func newWriter(stdout, stderr io.Writer, verbose bool) *writer {
	w := &writer{stdout: bufio.NewWriterSize(stdout, 64<<10), stderr: stderr, verbose: verbose,
		broken: make(chan struct{}), draining: make(chan struct{})}
	if d, ok := stdout.(interface{ SetWriteDeadline(time.Time) error }); ok {
		w.deadline = d.SetWriteDeadline
	}
	return w
}

// abandonBy makes any write to stdout give up at t. It is called from main
// while the loop may be writing; os.File allows that.
func (w *writer) abandonBy(t time.Time) {
	if w.deadline != nil {
		w.deadline(t)
	}
}

// drainWithin gives every write from now on, the current one included,
// grace to finish. Called once, from main, when stdin has ended.
func (w *writer) drainWithin(grace time.Duration) {
	w.abandonBy(time.Now().Add(grace))
	close(w.draining)
}

// handle writes one step's output: all its messages in one flush, so a batch
// of gossip leaves together and nothing lingers in the buffer.
func (w *writer) handle(ev actor.Event, out actor.Output) {
	if w.verbose {
		if r, ok := ev.(actor.Received); ok {
			fmt.Fprintf(w.stderr, "recv %s", messages.Encode(r.Msg)) // Encode ends the line
		}
	}
	for _, p := range out.Problems {
		fmt.Fprintln(w.stderr, "rumor:", p)
	}
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
	bigOutput := cap(w.buf) > bigLine
	if cap(w.buf) > keepBuf {
		w.buf = nil
	}
	defer func() {
		if bigOutput {
			debug.FreeOSMemory() // as after a long input line; see readLines
		}
	}()
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
