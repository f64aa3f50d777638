package actor

// A node that wakes late cannot tell a silent peer from its own stall.
//
// The shell sleeps until the tick the node asked for (Output.NextTick)
// and then delivers every tick that wall time has reached. When the
// process could not run for a while (a machine busy with other work, a
// collector, a descheduled process), that Tick jumps past the tick asked
// for, and every deadline in between falls due in one step, before the
// node has read what its peers sent meanwhile: their messages wait unread
// in its input. Judged at once, a hub's promise kept on time looks broken
// to every leaf at once. On a shared 2-core machine a stall of about
// 230 ms held eddy and all 25 nodes of a --latency 200 run (3d +
// partition seed 2) in fair weather, after which every leaf took its hub
// for cut off in the same tick and asked twelve peers for another way:
// three seconds of questions and seeks, 5.99 messages per operation on a
// run that otherwise costs 3.1 to 3.4.
//
// So time the node could not run does not count as a peer's silence: a
// step whose clock lands more than lateWakeSlack ticks past the tick the
// node asked for puts the timeouts (plan's action.timeout: suspect,
// quiet, stall, probe) off by as long as the wake was late, up to R₀, so
// the node reads its input first. Sends, resends and retries are not put
// off, and a peer that really went silent is judged that much later, once:
// the wake at the end of a grace judges, however late it comes.

// lateWakeSlack is how far past the tick it asked for a node may be woken
// before the wake counts as late: timers on a loaded machine fire a little
// late all the time, and that is no stall.
const lateWakeSlack = 2

// advance moves the clock on by ticks and notes a late wake (graceUntil).
func (n *Node) advance(ticks int64) {
	n.now += ticks
	if n.wantTick == none {
		return
	}
	// A wake asked for by a grace (or within one) grants none: on a
	// machine too busy to wake anything on time, graces one after another
	// would put the timeouts off for as long as the load lasts.
	if late := n.now - n.wantTick; late > lateWakeSlack && n.wantTick > n.graceUntil {
		n.graceUntil = n.now + min(late, n.cfg.RetransmitTicks)
	}
}

// asked records the tick the node asks the shell for in out (none when it
// asks for none), against which advance measures a late wake.
func (n *Node) asked(out *Output) {
	n.wantTick = none
	if out.NextTick > 0 {
		n.wantTick = n.now + out.NextTick
	}
}

// judgeAt is when a timeout due at t may be judged: not before the grace
// of a late wake is over.
func (n *Node) judgeAt(t int64) int64 { return max(t, n.graceUntil) }
