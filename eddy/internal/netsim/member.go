package netsim

import (
	"io"
	"sync/atomic"
	"time"

	"eddy/internal/journal"
)

// Member is one registered participant: a node, a client or a service.
type Member struct {
	id  string
	net *Network
	q   *queue

	// stops counts SetStopped calls; stopped is the latest setting.
	stops   atomic.Int64
	stopped atomic.Bool
}

// SetStopped tells the network that the member's process is stopped
// (paused, SIGSTOP) or running again (§12.7). Delivery goes on regardless,
// as in Maelstrom: the loop keeps writing into the stopped node's stdin
// until the pipe is full and the write blocks. What changes is the lag
// accounting: a write held up by a pause is the fault at work, not eddy's
// scheduling, and so is the backlog the resumed node then works through,
// so from the first delivery during which the member was stopped or
// resumed until the loop next waits for a deadline, the loop starts its
// model afresh after every write (see Deliver).
func (m *Member) SetStopped(stopped bool) {
	m.stopped.Store(stopped)
	m.stops.Add(1)
}

// ID is the member's id.
func (m *Member) ID() string { return m.id }

// Pending is the number of messages waiting in the member's queue.
func (m *Member) Pending() int { return m.q.len() }

// Deliver is the member's delivery loop (§4.2). It runs until done is closed
// or the member is unregistered, and hands each delivered message to sink.
// There must be at most one Deliver per member.
//
// It takes the queue head immediately, drops it if the partition in force at
// that moment says so, and otherwise sleeps until its deadline. A message
// that arrives meanwhile, even one already due, waits for the sleeper: this
// head-of-line blocking is part of Maelstrom's latency behaviour.
//
// Once done is closed the loop hands over nothing more (it checks just
// before each delivery), so ending a killed node's loop before the kill
// leaves later messages queued, undelivered, as Maelstrom leaves them.
func (m *Member) Deliver(done <-chan struct{}, sink func(*Message)) {
	// One alarm for the loop's life, re-armed per message; the network's
	// timer service wakes it.
	alarm := m.net.timers.NewAlarm()
	defer alarm.Stop()
	// modelAt is when a perfect scheduler would have handed over the
	// previous message; lag is measured against that model (see LagSamples).
	var modelAt int64
	// draining is set once the member has been paused: until the loop
	// next has to wait for a deadline, it is working off what piled up
	// during the pause, as fast as the node reads, and the model restarts
	// after every write (see SetStopped).
	draining := false
	for {
		msg, ok := m.take(done)
		if !ok {
			return
		}
		if m.net.dropped(&msg) {
			m.net.tally.record(journal.Drop, m.net.clock.raw(), &msg)
			continue
		}
		wait := msg.Deadline - m.net.clock.raw()
		if wait > 0 {
			draining = false
			alarm.Set(msg.Deadline)
			select {
			case <-alarm.Ready():
			case <-done:
				return
			}
		}
		if closed(done) {
			return
		}
		now := m.net.clock.raw()
		modelAt = max(msg.Deadline, modelAt)
		stops := m.stops.Load()
		if m.net.clock.started() && !m.stopped.Load() {
			m.net.lag.record(now-modelAt, wait > 0, now-msg.Deadline)
			if !draining {
				m.net.hol.record(m.id, msg.Deadline-m.net.clock.zero.Load(), modelAt-msg.Deadline)
			}
		}
		m.deliver(&msg)
		sink(&msg)
		if m.stopped.Load() || m.stops.Load() != stops {
			draining = true
		}
		if draining {
			// The write may have waited for a paused node, or for one
			// still reading what piled up meanwhile; the model restarts
			// from the moment it went through.
			modelAt = m.net.clock.raw()
		}
	}
}

// closed reports whether done has been closed, without waiting.
func closed(done <-chan struct{}) bool {
	select {
	case <-done:
		return true
	default:
		return false
	}
}

// WriteTo adapts a writer (a node's stdin) into a Deliver sink: each
// message becomes one JSON line, built in a reused buffer. Write errors are
// ignored, as Maelstrom ignores them: a dead process is noticed at teardown.
func WriteTo(w io.Writer) func(*Message) {
	var buf []byte
	return func(msg *Message) {
		buf = appendLine(buf[:0], msg)
		_, _ = w.Write(buf)
	}
}

// Poll is a client's receive (§4.2): it waits up to timeout for the next
// message in the member's queue and returns it, journaled as delivered. It
// reports false on timeout or when done is closed.
func (m *Member) Poll(done <-chan struct{}, timeout time.Duration) (Message, bool) {
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	for {
		if msg, ok := m.q.tryPop(); ok {
			// Client traffic has no latency, so the head is always due;
			// waiting for the deadline anyway keeps the rule uniform.
			if wait := msg.Deadline - m.net.clock.raw(); wait > 0 {
				select {
				case <-time.After(time.Duration(wait)):
				case <-done:
					return Message{}, false
				}
			}
			m.deliver(&msg)
			return msg, true
		}
		select {
		case <-m.q.ready:
		case <-timer.C:
			// One last look: a message may have raced the timer.
			if msg, ok := m.q.tryPop(); ok {
				m.deliver(&msg)
				return msg, true
			}
			return Message{}, false
		case <-done:
			return Message{}, false
		}
	}
}

// take waits for the queue head.
func (m *Member) take(done <-chan struct{}) (Message, bool) {
	for {
		if msg, ok := m.q.tryPop(); ok {
			return msg, true
		}
		if m.q.isClosed() {
			return Message{}, false
		}
		select {
		case <-m.q.ready:
		case <-done:
			return Message{}, false
		}
	}
}

func (m *Member) deliver(msg *Message) {
	now := m.net.clock.raw()
	m.net.tally.record(journal.Recv, now, msg)
	if IsClient(msg.Src) && !IsClient(msg.Dest) {
		m.net.landings.record(msg.ID, now-m.net.clock.zero.Load())
	}
	if m.net.opts.OnRecv != nil {
		m.net.opts.OnRecv(*msg)
	}
}
