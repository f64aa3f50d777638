package shell

import (
	"context"
	"os/signal"
	"syscall"
)

// SignalContext returns a context that SIGTERM or SIGINT cancels, and the
// function that releases the signals again. The first signal starts a
// prompt shutdown; it also unregisters the handler, so that a second one
// takes the signal's default action and ends the process at once. SIGPIPE
// is ignored: a closed stdout then fails the write with EPIPE, which the
// writer reports, instead of killing the process without a word.
func SignalContext() (context.Context, context.CancelFunc) {
	signal.Ignore(syscall.SIGPIPE)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	context.AfterFunc(ctx, stop)
	return ctx, stop
}
