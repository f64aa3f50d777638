package actor

import "time"

// Handler receives every event a Loop applied together with the output it
// caused. It runs on the Loop's goroutine, which makes that goroutine the one
// owner of whatever the handler writes to (stdout, stderr).
type Handler func(Event, Output)

// Loop is the shell around a Node: one goroutine that owns the node and
// feeds it events and ticks, one at a time, and does the writes its
// outputs ask for (Storage) before it hands them to the handler.
type Loop struct {
	events  chan Event
	stop    chan struct{}
	stopped chan struct{}
}

// Start runs node on a new goroutine, ticking every tick (but waking only for
// the ticks the node says it needs; see beats), writing to store (nil keeps
// nothing), and hands each step's output to handle. The caller must
// eventually call Stop.
func Start(node *Node, tick time.Duration, store Storage, handle Handler) *Loop {
	l := &Loop{
		// Unbuffered on purpose: when Push returns, the loop has taken the
		// event, so events pushed before Stop are never dropped.
		events:  make(chan Event),
		stop:    make(chan struct{}),
		stopped: make(chan struct{}),
	}
	go l.run(&driver{node: node, store: store, handle: handle, beats: newBeats(tick), watch: newWatch()})
	return l
}

func (l *Loop) run(d *driver) {
	defer close(l.stopped)
	defer d.beats.stop()
	heartbeat := time.NewTicker(heartbeatEvery) // see pause.go
	defer heartbeat.Stop()
	for {
		select {
		case ev := <-l.events:
			d.wake() // the node's clock must be current first
			d.step(ev)
		case <-d.beats.C():
			d.wake()
		case <-heartbeat.C:
			if d.watch.stopped() {
				d.resume()
			}
		case <-l.stop:
			return
		}
	}
}

// Push hands ev to the loop and waits until the loop has taken it. It reports
// false, without blocking, once the loop has stopped.
func (l *Loop) Push(ev Event) bool {
	select {
	case l.events <- ev:
		return true
	case <-l.stopped:
		return false
	}
}

// Stop ends the loop and waits for its goroutine to exit. It is safe to call
// more than once and from several goroutines: the first call delivers the
// request, the others find the loop already stopped.
//
// The loop takes the request between two steps, so Stop waits for the
// handler of the current one. A handler blocked in I/O must be released by
// whoever owns that I/O, before or while Stop waits: rumor's shell sets a
// write deadline on stdout, which makes a stuck write return (see
// internal/shell).
func (l *Loop) Stop() {
	select {
	case l.stop <- struct{}{}:
	case <-l.stopped:
	}
	<-l.stopped
}

// Done is closed once the loop has stopped.
func (l *Loop) Done() <-chan struct{} { return l.stopped }
