// Command rumor is a broadcast node for Jepsen's Maelstrom (the Gossip
// Glomers challenges 3a–3e). It speaks Maelstrom's protocol on stdin and
// stdout, logs problems to stderr, and keeps every value it acknowledges
// in a log on disk, so a node killed and started again loses nothing.
//
// This file is the flags and the wiring. The node's core is package actor;
// the process around it (streams, signals, the reader, the writer, the
// log's files) is internal/shell.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"time"

	"rumor/actor"
	"rumor/internal/shell"
)

func main() {
	oneProcessor()
	ctx, stop := shell.SignalContext()
	stdin, stdout, stderr := shell.Streams()
	code := run(ctx, os.Args[1:], stdin, stdout, shell.Stamped(stderr))
	stop()
	os.Exit(code)
}

// oneProcessor runs the node's goroutines on one processor unless
// GOMAXPROCS says otherwise. The node's state lives on one goroutine and
// the reader only decodes a line ahead of it, so a second processor adds no
// throughput: it only gives the runtime an idle thread to wake, spin and put
// back to sleep at every message, which cost about a tenth of the node's CPU
// on 3d, and more with 25 nodes sharing two cores.
func oneProcessor() {
	if os.Getenv("GOMAXPROCS") == "" {
		runtime.GOMAXPROCS(1)
	}
}

// run is the whole node, separated from main so tests can run many nodes in
// one process. It returns when stdin ends or ctx is cancelled, with nothing
// left running.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	opts, err := parseOptions(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0 // the usage was asked for, and printed
	}
	if err != nil {
		fmt.Fprintln(stderr, "rumor:", err)
		return 2
	}
	return shell.Run(ctx, opts, stdin, stdout, stderr)
}

// parseOptions reads the command line into the shell's options.
func parseOptions(args []string, stderr io.Writer) (shell.Options, error) {
	def := actor.DefaultConfig()
	const defaultTick = 10 * time.Millisecond
	var (
		o                                           shell.Options
		tick, batch, retransmit, maxRetransmit, ack time.Duration
		strategy                                    string
		noFence                                     bool
	)
	fs := flag.NewFlagSet("rumor", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.DurationVar(&tick, "tick", defaultTick, "how often the node's timers advance")
	fs.DurationVar(&batch, "batch", time.Duration(def.BatchTicks)*defaultTick, "least gap between two gossip batches to one peer")
	fs.DurationVar(&retransmit, "retransmit", time.Duration(def.RetransmitTicks)*defaultTick, "round-trip allowance of a link before it has measured one (each link then times out on its measured round trip)")
	fs.DurationVar(&maxRetransmit, "max-retransmit", time.Duration(def.MaxRetransmitTicks)*defaultTick, "cap on the retransmission backoff")
	fs.DurationVar(&ack, "ack-delay", time.Duration(def.AckTicks)*defaultTick, "how long an acknowledgement may wait for gossip to ride on")
	fs.StringVar(&strategy, "strategy", def.Strategy.String(), "where values go: star, topology or mesh")
	fs.BoolVar(&o.Verbose, "verbose", false, "log every message in and out on stderr")
	fs.BoolVar(&o.Log.Sync, "fsync", false, "fsync the log on every write: survive an OS crash or power loss too, not only a kill of the process")
	fs.StringVar(&o.Log.Root, "data-dir", shell.DefaultRoot(), "where logs are kept: one directory per test, one file per node")
	fs.BoolVar(&noFence, "no-pause-fence", false, "diagnostic: after a pause, answer requests at once, even those whose clients gave up (Maelstrom then stops reading the node)")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if tick <= 0 {
		return o, errors.New("-tick must be positive")
	}
	s, err := actor.ParseStrategy(strategy)
	if err != nil {
		return o, err
	}
	ticks := func(d time.Duration) int64 { return int64((d + tick - 1) / tick) }
	o.Tick = tick
	o.Config = actor.Config{
		Strategy:           s,
		BatchTicks:         ticks(batch),
		RetransmitTicks:    ticks(retransmit),
		MaxRetransmitTicks: ticks(maxRetransmit),
		AckTicks:           ticks(ack),
		// Later starts of a node get larger incarnations, so its peers can
		// tell that it restarted and start their streams to it over.
		Incarnation:  uint64(time.Now().UnixNano()),
		NoPauseFence: noFence,
	}
	return o, o.Config.Validate()
}
