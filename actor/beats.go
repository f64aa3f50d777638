package actor

import "time"

// beats is the Loop's ticker, gated by the node. The node's clock is the
// count of ticks it has been given, one per tick of wall time since the
// loop started, and every one of them is delivered. But the node says in
// each Output which tick it next needs (NextTick), so the timer is armed for
// that tick alone, and the ticks before it are delivered together, as one
// Tick carrying their number, when it fires or just before the next event,
// whichever comes first. An idle node arms no timer at all and is woken
// only by input; a busy one wakes when a batch, an ack or a resend falls due
// instead of every tick.
type beats struct {
	tick  time.Duration
	start time.Time
	given int64 // ticks delivered so far
	due   int64 // the tick the node next needs; 0 when none
	timer *time.Timer
}

func newBeats(tick time.Duration) *beats {
	t := time.NewTimer(time.Hour)
	t.Stop()
	return &beats{tick: tick, start: time.Now(), timer: t}
}

// C fires when the tick the node asked for has come.
func (b *beats) C() <-chan time.Time { return b.timer.C }

// stop releases the timer.
func (b *beats) stop() { b.timer.Stop() }

// elapsed returns how many ticks wall time has reached beyond those already
// given, and counts them as given.
func (b *beats) elapsed() int64 {
	now := int64(time.Since(b.start) / b.tick)
	n := max(now-b.given, 0)
	b.given += n
	return n
}

// arm sets the timer for the tick the node needs next, nextTick ticks from
// the last one given (0: none).
func (b *beats) arm(nextTick int64) {
	due := int64(0)
	if nextTick > 0 {
		due = b.given + nextTick
	}
	if due == b.due {
		return
	}
	b.due = due
	if due == 0 {
		b.timer.Stop()
		return
	}
	b.timer.Reset(time.Until(b.start.Add(time.Duration(due) * b.tick)))
}
