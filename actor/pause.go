package actor

import "time"

// A Loop notices that its process was stopped (SIGSTOP, a debugger, a
// machine that slept) by the clock: its goroutine looks at the clock every
// time it wakes, and it wakes at least once a heartbeat, so a gap of more
// than pauseGap between two looks means it could not run. The heartbeat
// steps nothing: an idle node still takes no Tick (the node's clock is
// caught up at its next real wake), and costs one wake-up a second. When a
// gap is found, the Loop delivers the ticks it missed, as one Tick, and
// then Resumed, before the event it was about to apply (fence.go says what
// the node does with it). A goroutine that was only slow, held up longer
// than pauseGap by a blocked write, is taken for stopped too; the cost is a
// fence, a hop during which clients get no answers.
const (
	heartbeatEvery = time.Second
	pauseGap       = 2 * time.Second
)

// watch is the Loop's pause detector.
type watch struct{ seen time.Time }

func newWatch() *watch { return &watch{seen: time.Now()} }

// stopped looks at the clock and reports whether more than pauseGap has
// passed since the last look.
func (w *watch) stopped() bool {
	now := time.Now()
	gap := now.Sub(w.seen)
	w.seen = now
	return gap > pauseGap
}
