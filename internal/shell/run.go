package shell

import (
	"context"
	"fmt"
	"io"
	"time"

	"rumor/actor"
	"rumor/internal/lines"
)

// Options are what Run needs besides the streams.
type Options struct {
	Config  actor.Config
	Tick    time.Duration // the node's tick
	Verbose bool          // log every message in and out on stderr
	Log     LogOptions
}

// Run is the whole node, separated from main so tests can run many nodes
// in one process. It returns the process's exit code when stdin ends, ctx
// is cancelled or stdout breaks, with nothing left running.
//
// Shutdown: cancelling ctx (SIGTERM, SIGINT) ends the node at once,
// dropping output that stdout will not take. The end of stdin lets the last
// replies out, but gives each write at most drainGrace. A write to stdout
// that fails (a closed pipe: EPIPE) ends the node with one line on stderr
// and exit code 1. None of these can hang on a stdout nobody reads, given
// a stdout with a write deadline (Streams).
func Run(ctx context.Context, o Options, stdin io.Reader, stdout, stderr io.Writer) int {
	node, err := actor.NewNode(o.Config)
	if err != nil {
		fmt.Fprintln(stderr, "rumor:", err)
		return 2
	}
	out := newWriter(stdout, stderr, o.Verbose)
	defer out.close()
	store := newLogStore(o.Log)
	defer store.Close() // after the loop, its only user, has stopped
	loop := actor.Start(node, o.Tick, store, out.handle)

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

// closeInput wakes a reader blocked on stdin; see Streams.
func closeInput(stdin io.Reader) {
	if c, ok := stdin.(io.Closer); ok {
		c.Close()
	}
}
