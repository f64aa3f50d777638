package runner

import (
	"context"
	"time"
)

// clock is the run's relative time in nanoseconds; *netsim.Network is the
// one the runner uses.
type clock interface{ Now() int64 }

// alarm is a reusable wake-up on a clock; *netsim.Alarm is the one the
// runner uses, served by the network's precise timer goroutine.
type alarm interface {
	Set(at int64) // arm for clock time at, replacing any earlier setting
	Ready() <-chan struct{}
	Stop()
}

// sleepUntil waits until c reads at (nanoseconds), using one precise timer.
// It reports false if ctx ends first.
func sleepUntil(ctx context.Context, c clock, at int64) bool {
	wait := time.Duration(at - c.Now())
	if wait <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
