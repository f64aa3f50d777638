package actor

import "time"

// beats is the Loop's ticker, gated by the node. The node's clock is the
// count of Ticks it has been given, one per tick of wall time since the loop
// started, and every one of them is delivered. But the node says in each
// Output which tick it next needs (NextTick), so the timer is armed for that
// tick alone, and the ticks before it are delivered in a burst when it
// fires, or just before the next event, whichever comes first. An idle node
// arms no timer at all and is woken only by input; a busy one wakes when a
// batch, an ack or a resend falls due instead of every tick.
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

// catchUp delivers every tick that wall time has reached.
func (b *beats) catchUp(node *Node, handle Handler) {
	for now := int64(time.Since(b.start) / b.tick); b.given < now; {
		b.given++
		b.step(node, Tick{}, handle)
	}
}

// step applies ev and re-arms the timer for whatever tick the node now
// needs.
func (b *beats) step(node *Node, ev Event, handle Handler) {
	out := node.Step(ev)
	handle(ev, out)
	due := int64(0)
	if out.NextTick > 0 {
		due = b.given + out.NextTick
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
