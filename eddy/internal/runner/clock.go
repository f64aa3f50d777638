package runner

import (
	"context"
	"time"
)

// sleepUntil waits until the network clock reads at (nanoseconds), using one
// precise timer. It reports false if ctx ends first.
func (r *run) sleepUntil(ctx context.Context, at int64) bool {
	wait := time.Duration(at - r.net.Now())
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
