package runner

import (
	"sync"

	"eddy/internal/netsim"
)

// deliveryLoops are the run's delivery loops (one per node process and
// service). Each can be ended on its own (a killed node's, §12.5); stop
// ends whatever is left at teardown.
type deliveryLoops struct {
	mu  sync.Mutex
	all []*deliveryLoop
}

// deliveryLoop is one member's delivery loop.
type deliveryLoop struct {
	done   chan struct{} // closed to end the loop
	once   sync.Once
	exited chan struct{} // closed once the loop has returned
}

func newDeliveryLoops() *deliveryLoops { return &deliveryLoops{} }

// run starts m's delivery loop into sink.
func (l *deliveryLoops) run(m *netsim.Member, sink func(*netsim.Message)) *deliveryLoop {
	dl := &deliveryLoop{done: make(chan struct{}), exited: make(chan struct{})}
	l.mu.Lock()
	l.all = append(l.all, dl)
	l.mu.Unlock()
	go func() {
		defer close(dl.exited)
		m.Deliver(dl.done, sink)
	}()
	return dl
}

// end tells the loop to hand over nothing more; it may still be inside a
// write (to a paused node, say) until that write returns.
func (dl *deliveryLoop) end() { dl.once.Do(func() { close(dl.done) }) }

// wait waits until the loop has returned.
func (dl *deliveryLoop) wait() { <-dl.exited }

// stop ends every loop and waits for them.
func (l *deliveryLoops) stop() {
	l.mu.Lock()
	all := append([]*deliveryLoop(nil), l.all...)
	l.mu.Unlock()
	for _, dl := range all {
		dl.end()
	}
	for _, dl := range all {
		dl.wait()
	}
}
