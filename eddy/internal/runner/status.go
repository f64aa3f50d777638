package runner

import (
	"fmt"
	"time"
)

// statusLoop refreshes the live status line until stop closes. It is a
// no-op goroutine when the console draws no status line.
func (r *run) statusLoop(stop <-chan struct{}) {
	if !r.out.LiveStatus() {
		return
	}
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	defer r.out.SetStatus("")
	for {
		select {
		case <-tick.C:
			r.out.SetStatus(r.statusText())
		case <-stop:
			return
		}
	}
}

func (r *run) statusText() string {
	phase, _ := r.phase.Load().(string)
	elapsed := time.Duration(0)
	if r.zeroed.Load() {
		elapsed = time.Duration(r.net.Now()).Truncate(time.Second)
	}
	part := "none"
	if r.cfg.Partition {
		if p := r.nemesis.partition(); p != "" {
			part = p
		} else {
			part = "healed"
		}
	}
	return fmt.Sprintf(" eddy %s  %v / %v  ops %d  partition %s ", phase, elapsed, r.cfg.TimeLimit, r.hist.invokes.Load(), part)
}
