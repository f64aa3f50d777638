// Command rumor is a broadcast node for Jepsen's Maelstrom (the Gossip
// Glomers challenges 3a–3e). It speaks Maelstrom's protocol on stdin and
// stdout and logs problems to stderr.
//
// The process is a thin shell: one goroutine reads and decodes lines and
// pushes them as events; one goroutine (actor.Loop) owns the node's state,
// its ticker, stdout and stderr. Nothing is locked because nothing is shared.
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
	"syscall"
	"time"

	"rumor/actor"
	"rumor/internal/lines"
	"rumor/messages"
)

// maxLine bounds one input line. Maelstrom's largest messages are read
// replies and gossip batches, far below this; anything bigger is garbage.
const maxLine = 64 << 20

func main() {
	ctx, cancel := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	code := run(ctx, os.Args[1:], interruptibleStdin(), os.Stdout, os.Stderr)
	cancel()
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
		if err := syscall.SetNonblock(int(os.Stdin.Fd()), true); err != nil {
			return os.Stdin
		}
		return os.NewFile(os.Stdin.Fd(), "/dev/stdin")
	case info.Mode()&os.ModeCharDevice != 0:
		if tty, err := os.Open("/dev/stdin"); err == nil {
			return tty
		}
	}
	return os.Stdin
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
	}
	return o, cfg, cfg.Validate()
}

// run is the whole node, separated from main so tests can run many nodes in
// one process. It returns when stdin ends or ctx is cancelled, with nothing
// left running.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	opts, cfg, err := parseOptions(args, stderr)
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stderr, "rumor:", err)
		}
		return 2
	}
	node, err := actor.NewNode(cfg)
	if err != nil {
		fmt.Fprintln(stderr, "rumor:", err)
		return 2
	}
	out := newWriter(stdout, stderr, opts.verbose)
	loop := actor.Start(node, opts.tick, out.handle)

	readerDone := make(chan struct{})
	go func() {
		defer close(readerDone)
		readLines(stdin, loop)
	}()

	select {
	case <-readerDone: // stdin ended: every line has been pushed
	case <-ctx.Done():
		if c, ok := stdin.(io.Closer); ok {
			c.Close() // wakes the reader; see interruptibleStdin
		}
	}
	loop.Stop()
	<-readerDone
	return 0
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
		if !loop.Push(ev) {
			return
		}
	}
}

// writer owns stdout and stderr; it runs only on the loop's goroutine.
type writer struct {
	stdout  *bufio.Writer
	stderr  io.Writer
	verbose bool
	buf     []byte
	failed  bool
}

func newWriter(stdout, stderr io.Writer, verbose bool) *writer {
	return &writer{stdout: bufio.NewWriterSize(stdout, 64<<10), stderr: stderr, verbose: verbose}
}

// handle writes one step's output: all its messages in one flush, so a batch
// of gossip leaves together and nothing lingers in the buffer.
func (w *writer) handle(ev actor.Event, out actor.Output) {
	if w.verbose {
		if r, ok := ev.(actor.Received); ok {
			fmt.Fprintf(w.stderr, "recv %s\n", messages.Encode(r.Msg))
		}
	}
	for _, p := range out.Problems {
		fmt.Fprintln(w.stderr, "rumor:", p)
	}
	if len(out.Messages) == 0 {
		return
	}
	for _, m := range out.Messages {
		w.buf = messages.AppendLine(w.buf[:0], m)
		if w.verbose {
			fmt.Fprintf(w.stderr, "send %s", w.buf)
		}
		w.stdout.Write(w.buf)
	}
	if err := w.stdout.Flush(); err != nil && !w.failed {
		w.failed = true // say it once; a closed stdout stays closed
		fmt.Fprintln(w.stderr, "rumor: writing stdout:", err)
	}
}
