package actor

// driver is what a Loop's goroutine owns: the node, its log, its ticker,
// its pause detector and the handler. It steps the node and completes the
// writes the node asks for, in the order the Output contract sets: the
// write, then the handler for the step that asked, then the step that
// reports the write, then its handler.
type driver struct {
	node   *Node
	store  Storage
	handle Handler
	beats  *beats
	watch  *watch
}

// wake brings the node's clock up to the wall clock's tick and, if the
// process was stopped meanwhile, tells the node so before anything else.
func (d *driver) wake() {
	if d.watch.stopped() {
		d.resume()
		return
	}
	d.catchUp()
}

// resume delivers the ticks a pause swallowed, as one Tick, then Resumed.
func (d *driver) resume() {
	d.catchUp()
	d.step(Resumed{})
}

// catchUp delivers, as one Tick, every tick that wall time has reached.
func (d *driver) catchUp() {
	if n := d.beats.elapsed(); n > 0 {
		d.step(Tick{N: n})
	}
}

// step applies ev, does any write it asks for, and applies the write's
// report; then re-arms the ticker for whatever tick the node needs next.
func (d *driver) step(ev Event) {
	out := d.node.Step(ev)
	next, write := Write(d.store, out)
	if write && d.watch.stopped() {
		// Stopped during the write: whatever was read before it may be
		// from clients that have given up; the reply that the write makes
		// possible must not go out unguarded.
		d.handle(ev, out)
		ev, out = Resumed{}, d.node.Step(Resumed{})
	}
	d.handle(ev, out)
	if write {
		out = d.node.Step(next)
		d.handle(next, out)
	}
	d.beats.arm(out.NextTick)
}
