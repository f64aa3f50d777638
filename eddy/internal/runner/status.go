package runner

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"eddy/internal/console"
)

// progress is what the phases tell the status line: the phase name, and
// whether the relative clock has started.
type progress struct {
	phase  atomic.Value // string
	zeroed atomic.Bool
}

func newProgress() *progress {
	p := &progress{}
	p.phase.Store("setup")
	return p
}

func (p *progress) set(phase string) { p.phase.Store(phase) }

// statusView is what the status line shows besides the phase.
type statusView struct {
	clock     clock
	limit     time.Duration
	ops       *atomic.Int64
	partition func() string // nil without partitions
	down      func() string // nil without process faults
}

func (p *progress) text(v statusView) string {
	phase, _ := p.phase.Load().(string)
	elapsed := time.Duration(0)
	if p.zeroed.Load() {
		elapsed = time.Duration(v.clock.Now()).Truncate(time.Second)
	}
	part := "none"
	if v.partition != nil {
		if s := v.partition(); s != "" {
			part = s
		} else {
			part = "healed"
		}
	}
	text := fmt.Sprintf(" eddy %s  %v / %v  ops %d  partition %s ", phase, elapsed, v.limit, v.ops.Load(), part)
	if v.down != nil {
		text += " down " + v.down() + " "
	}
	return text
}

// startStatus refreshes the live status line every 250 ms until the
// returned stop is called; stop waits for the loop to end. Nothing runs
// when the console draws no status line.
func startStatus(out *console.Console, text func() string) (stop func()) {
	if !out.LiveStatus() {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(250 * time.Millisecond)
		defer tick.Stop()
		defer out.SetStatus("")
		for {
			select {
			case <-tick.C:
				out.SetStatus(text())
			case <-done:
				return
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}
