package timer

import (
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

// The timer goroutine must end when no alarm is armed.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

const ms = time.Millisecond

// clock is a service with its own clock, nanoseconds since it was made.
type clock struct {
	*Service
	origin time.Time
}

func newClock(precise bool) clock {
	c := clock{origin: time.Now()}
	c.Service = New(c.Now, precise)
	return c
}

func (c clock) Now() int64 { return int64(time.Since(c.origin)) }

// Alarms wake at their deadlines in deadline order, whatever the order they
// were set in; a re-Set replaces the earlier deadline and Stop disarms.
func TestAlarmsWakeInDeadlineOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		n := newClock(false)
		late, early, moved, stopped := n.NewAlarm(), n.NewAlarm(), n.NewAlarm(), n.NewAlarm()
		late.Set(int64(30 * ms))
		early.Set(int64(10 * ms))
		moved.Set(int64(5 * ms))
		moved.Set(int64(20 * ms))
		stopped.Set(int64(15 * ms))
		stopped.Stop()

		for _, c := range []struct {
			al *Alarm
			at time.Duration
		}{{early, 10 * ms}, {moved, 20 * ms}, {late, 30 * ms}} {
			<-c.al.Ready()
			if now := time.Duration(n.Now()); now != c.at {
				t.Errorf("alarm for %v woke at %v", c.at, now)
			}
		}
		time.Sleep(time.Second)
		synctest.Wait()
		select {
		case <-stopped.Ready():
			t.Error("a stopped alarm woke")
		default:
		}
	})
}

// The precise timer goroutine never wakes an alarm early, wakes a later-set
// earlier alarm first (the kick interrupts its sleep), and ends when no
// alarm is armed (goleak checks that at the end of the package's tests).
func TestPreciseAlarmsAreNeverEarly(t *testing.T) {
	n := newClock(true)
	far, near := n.NewAlarm(), n.NewAlarm()
	start := n.Now()
	far.Set(start + int64(time.Second))
	near.Set(start + int64(2*ms))
	<-near.Ready()
	if now := n.Now(); now < start+int64(2*ms) {
		t.Errorf("woke %v early", time.Duration(start+int64(2*ms)-now))
	}
	select {
	case <-far.Ready():
		t.Error("the far alarm woke with the near one")
	default:
	}
	far.Stop()
	for i := range 20 {
		at := n.Now() + int64(i)*int64(100*time.Microsecond)
		near.Set(at)
		<-near.Ready()
		if now := n.Now(); now < at {
			t.Fatalf("wake-up %d came %v early", i, time.Duration(at-now))
		}
	}
}
