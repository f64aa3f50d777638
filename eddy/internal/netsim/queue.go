package netsim

import (
	"sync"
)

// queue is a member's inbox: a binary min-heap of messages ordered by
// deadline, ties broken by arrival so equal deadlines keep send order. It is
// hand-rolled rather than container/heap because the interface-based heap
// boxes every element, and this sits on the hot path of every delivery.
type queue struct {
	mu     sync.Mutex
	items  []queued
	seq    uint64
	closed bool
	// ready has room for one token; push leaves one so a waiting taker
	// wakes up, without the pusher ever blocking.
	ready chan struct{}
}

type queued struct {
	msg Message
	seq uint64
}

func newQueue() *queue { return &queue{ready: make(chan struct{}, 1)} }

func (a queued) before(b queued) bool {
	if a.msg.Deadline != b.msg.Deadline {
		return a.msg.Deadline < b.msg.Deadline
	}
	return a.seq < b.seq
}

// push adds m. It reports false if the queue was closed (the member left).
func (q *queue) push(m Message) bool {
	q.mu.Lock()
	if q.closed {
		q.mu.Unlock()
		return false
	}
	q.items = append(q.items, queued{msg: m, seq: q.seq})
	q.seq++
	q.up(len(q.items) - 1)
	q.mu.Unlock()
	select {
	case q.ready <- struct{}{}:
	default:
	}
	return true
}

// tryPop removes and returns the head, if any.
func (q *queue) tryPop() (Message, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	n := len(q.items)
	if n == 0 {
		return Message{}, false
	}
	head := q.items[0].msg
	q.items[0] = q.items[n-1]
	q.items[n-1] = queued{} // let the body be collected
	q.items = q.items[:n-1]
	if len(q.items) > 0 {
		q.down(0)
	}
	return head, true
}

// close empties the queue and refuses later pushes.
func (q *queue) close() {
	q.mu.Lock()
	q.closed = true
	q.items = nil
	q.mu.Unlock()
	// Wake a taker blocked on an empty queue so it sees the closure.
	select {
	case q.ready <- struct{}{}:
	default:
	}
}

// len is the number of waiting messages.
func (q *queue) len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.items)
}

func (q *queue) up(i int) {
	for i > 0 {
		parent := (i - 1) / 2
		if !q.items[i].before(q.items[parent]) {
			return
		}
		q.items[i], q.items[parent] = q.items[parent], q.items[i]
		i = parent
	}
}

func (q *queue) down(i int) {
	n := len(q.items)
	for {
		smallest := i
		l, r := 2*i+1, 2*i+2
		if l < n && q.items[l].before(q.items[smallest]) {
			smallest = l
		}
		if r < n && q.items[r].before(q.items[smallest]) {
			smallest = r
		}
		if smallest == i {
			return
		}
		q.items[i], q.items[smallest] = q.items[smallest], q.items[i]
		i = smallest
	}
}

func (q *queue) isClosed() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.closed
}
