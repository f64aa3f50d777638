package timer

import (
	"container/heap"
	"runtime"
	"sync"
	"time"
)

// Service is a set of alarms on one clock and the timer goroutine that
// wakes them.
type Service struct{ a *alarms }

// New returns a service on the clock now (nanoseconds, never going
// backwards). precise picks the ppoll sleeper where there is one.
func New(now func() int64, precise bool) *Service {
	return &Service{a: &alarms{now: now, precise: precise}}
}

// Alarm is a reusable one-shot wake-up: a delivery loop or a schedule
// waits on its channel instead of on a Go timer of its own.
type Alarm struct {
	a     *alarms
	c     chan struct{} // one slot: a due alarm never blocks the dispatcher
	at    int64         // deadline
	index int           // position in the heap; -1 when not armed
}

// NewAlarm returns an unarmed alarm.
func (s *Service) NewAlarm() *Alarm { return s.a.newAlarm() }

// Ready receives once after each Set, when the alarm is due.
func (al *Alarm) Ready() <-chan struct{} { return al.c }

// Set arms the alarm for time at on the service's clock, replacing any
// earlier setting. A wake-up from an earlier setting that was not
// received is discarded.
func (al *Alarm) Set(at int64) { al.a.set(al, at) }

// Stop disarms the alarm and discards a wake-up not yet received.
func (al *Alarm) Stop() {
	al.a.mu.Lock()
	al.a.remove(al)
	al.a.mu.Unlock()
	al.drain()
}

func (al *Alarm) drain() {
	select {
	case <-al.c:
	default:
	}
}

// sleeper is how the timer goroutine waits: sleep blocks until d
// nanoseconds have passed or kick is called (a kick before sleep makes the
// next sleep return at once); close releases it once the goroutine ends.
type sleeper interface {
	sleep(d int64)
	kick()
	close()
}

// alarms is the set of armed alarms and its timer goroutine. The
// goroutine starts when an alarm is armed and none is running, and ends
// when no alarm is armed.
type alarms struct {
	now      func() int64
	precise  bool
	mu       sync.Mutex
	armed    alarmHeap
	sleeper  sleeper // the running goroutine's; nil when none runs
	finished sync.WaitGroup
}

func (a *alarms) newAlarm() *Alarm { return &Alarm{a: a, c: make(chan struct{}, 1), index: -1} }

func (a *alarms) set(al *Alarm, at int64) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.remove(al)
	al.drain()
	al.at = at
	heap.Push(&a.armed, al)
	switch {
	case a.sleeper == nil:
		a.sleeper = newSleeper(a.precise)
		a.finished.Add(1)
		go a.dispatch(a.sleeper)
	case al.index == 0:
		// A new earliest deadline: the goroutine may be sleeping towards
		// a later one.
		a.sleeper.kick()
	}
}

// remove disarms al if it is armed. a.mu must be held.
func (a *alarms) remove(al *Alarm) {
	if al.index >= 0 {
		heap.Remove(&a.armed, al.index)
	}
}

// dispatch is the timer goroutine: it wakes every due alarm, sleeps until
// the earliest remaining deadline, and ends when none is left.
func (a *alarms) dispatch(s sleeper) {
	defer a.finished.Done()
	defer s.close()
	for {
		a.mu.Lock()
		now := a.now()
		fired := false
		for len(a.armed) > 0 && a.armed[0].at <= now {
			al := heap.Pop(&a.armed).(*Alarm)
			select {
			case al.c <- struct{}{}:
			default:
			}
			fired = true
		}
		if len(a.armed) == 0 {
			a.sleeper = nil
			a.mu.Unlock()
			return
		}
		wait := a.armed[0].at - now
		a.mu.Unlock()
		if fired {
			// The waiters just woken sit in this P's run queue. A
			// goroutine blocked in a syscall keeps its P, and the runtime
			// takes it back only after up to 10 ms when no other P is
			// idle: let them run before going back to sleep.
			runtime.Gosched()
			wait = a.armed0() - a.now()
			if wait <= 0 {
				continue
			}
		}
		s.sleep(wait)
	}
}

// armed0 is the earliest armed deadline, or now when none is armed (the
// loop then ends on its next pass).
func (a *alarms) armed0() int64 {
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(a.armed) == 0 {
		return a.now()
	}
	return a.armed[0].at
}

// alarmHeap orders armed alarms by deadline (container/heap; pointers box
// without allocating).
type alarmHeap []*Alarm

func (h alarmHeap) Len() int           { return len(h) }
func (h alarmHeap) Less(i, j int) bool { return h[i].at < h[j].at }
func (h alarmHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index, h[j].index = i, j
}
func (h *alarmHeap) Push(x any) {
	al := x.(*Alarm)
	al.index = len(*h)
	*h = append(*h, al)
}
func (h *alarmHeap) Pop() any {
	old := *h
	al := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	al.index = -1
	return al
}

// goSleeper waits on a Go timer: exact inside a synctest bubble, and
// what a platform without a precise sleeper uses.
type goSleeper struct {
	timer *time.Timer
	kicks chan struct{}
}

func newGoSleeper() *goSleeper {
	t := time.NewTimer(time.Hour)
	t.Stop()
	return &goSleeper{timer: t, kicks: make(chan struct{}, 1)}
}

func (s *goSleeper) sleep(d int64) {
	s.timer.Reset(time.Duration(d))
	select {
	case <-s.timer.C:
	case <-s.kicks:
		s.timer.Stop()
	}
}

func (s *goSleeper) kick() {
	select {
	case s.kicks <- struct{}{}:
	default:
	}
}

func (s *goSleeper) close() { s.timer.Stop() }
