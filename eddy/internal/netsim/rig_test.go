package netsim

import (
	"math/rand/v2"
	"sync"
	"testing"
	"time"
)

// rig is a network with delivery loops whose sinks record what arrived and
// when. It must be built and torn down inside a synctest bubble so that the
// loops' timers run on the fake clock.
type rig struct {
	t    *testing.T
	net  *Network
	done chan struct{}
	wg   sync.WaitGroup

	mu  sync.Mutex
	got []arrival
}

type arrival struct {
	at  time.Duration // on the network clock
	msg Message
}

func newRig(t *testing.T, lat Latency) *rig {
	t.Helper()
	n, err := New(Options{Latency: lat, Rand: rand.New(rand.NewPCG(1, 2))})
	if err != nil {
		t.Fatal(err)
	}
	return &rig{t: t, net: n, done: make(chan struct{})}
}

// node registers a member and runs its delivery loop.
func (r *rig) node(id string) *Member {
	m, err := r.net.Register(id)
	if err != nil {
		r.t.Fatal(err)
	}
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		m.Deliver(r.done, func(msg *Message) {
			r.mu.Lock()
			r.got = append(r.got, arrival{at: time.Duration(r.net.Now()), msg: *msg})
			r.mu.Unlock()
		})
	}()
	return m
}

// client registers a member that is polled rather than looped.
func (r *rig) client(id string) *Member {
	m, err := r.net.Register(id)
	if err != nil {
		r.t.Fatal(err)
	}
	return m
}

func (r *rig) send(src, dest, typ string) {
	r.t.Helper()
	if err := r.net.Send(Message{Src: src, Dest: dest, Type: typ, Body: []byte(`{"type":"` + typ + `"}`)}); err != nil {
		r.t.Fatal(err)
	}
}

func (r *rig) stop() {
	close(r.done)
	r.wg.Wait()
}

func (r *rig) arrivals() []arrival {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]arrival(nil), r.got...)
}

// arrivalOf finds the delivery of the message with the given body type.
func (r *rig) arrivalOf(typ string) (arrival, bool) {
	for _, a := range r.arrivals() {
		if a.msg.Type == typ {
			return a, true
		}
	}
	return arrival{}, false
}

// advance moves the bubble's fake clock forward by d. Inside a synctest
// bubble a timer does not wait in real time: it fires once every other
// goroutine is durably blocked and the fake clock has reached the target.
func advance(d time.Duration) { <-time.After(d) }

const ms = time.Millisecond
