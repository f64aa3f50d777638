package netsim

import "sync"

// landings remembers when each client request reached its destination,
// until the client asks (Network.Landed). The moment matters because a
// request does not land when it is sent: it waits in the destination's
// queue behind whatever server message the delivery loop is sleeping on
// (§4.2), up to a hop under a constant latency and far longer under an
// exponential one, and the node cannot act on a request it has not read.
type landings struct {
	mu sync.Mutex
	at map[int64]int64 // message id → relative time of delivery
}

// record notes that request id landed at relative time at.
func (l *landings) record(id, at int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.at == nil {
		l.at = make(map[int64]int64)
	}
	l.at[id] = at
}

// take returns and forgets when request id landed; false if it has not.
func (l *landings) take(id int64) (int64, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	at, ok := l.at[id]
	delete(l.at, id)
	return at, ok
}
