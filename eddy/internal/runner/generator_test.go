package runner

import (
	"context"
	"io"
	"math/rand/v2"
	"testing"
	"testing/synctest"
	"time"

	"eddy/internal/console"
	"eddy/internal/history"
)

// lateClock reads the bubble's time, except that from jumpAt on it reads
// skew later: a goroutine whose timer was due in between wakes up skew
// late, as one does on a loaded machine.
type lateClock struct {
	origin       time.Time
	jumpAt, skew time.Duration
}

func (c *lateClock) Now() int64 {
	d := time.Since(c.origin)
	if d >= c.jumpAt {
		d += c.skew
	}
	return int64(d)
}

// lateAlarm is a Go timer on a lateClock.
type lateAlarm struct {
	clk *lateClock
	c   chan struct{}
	t   *time.Timer
}

func (a *lateAlarm) Set(at int64) {
	a.Stop()
	a.t = time.AfterFunc(time.Duration(at-a.clk.Now()), func() {
		select {
		case a.c <- struct{}{}:
		default:
		}
	})
}

func (a *lateAlarm) Ready() <-chan struct{} { return a.c }

func (a *lateAlarm) Stop() {
	if a.t != nil {
		a.t.Stop()
	}
	select {
	case <-a.c:
	default:
	}
}

// idlePool is a pool whose workers finish every op at once.
func idlePool(t *testing.T, n int) *pool {
	p := &pool{free: make(chan int, n), busy: make([]bool, n)}
	for i := 0; i < n; i++ {
		w := &worker{index: i, process: i, jobs: make(chan job, 1)}
		p.workers = append(p.workers, w)
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			for range w.jobs {
				p.free <- w.index
			}
		}()
	}
	t.Cleanup(p.stop)
	return p
}

// TestLateWakeUpDelaysTheScheduleWithoutABurst pins Jepsen's stagger: when
// the generator wakes late, the op is invoked at the actual time, the next
// one is scheduled from then, and nothing is invoked in the skipped span.
func TestLateWakeUpDelaysTheScheduleWithoutABurst(t *testing.T) {
	const (
		rate   = 100
		jumpAt = 100 * time.Millisecond
		skew   = 50 * time.Millisecond
		limit  = 300 * time.Millisecond
	)
	var invokes []history.Op
	synctest.Test(t, func(t *testing.T) {
		clk := &lateClock{origin: time.Now(), jumpAt: jumpAt, skew: skew}
		p := idlePool(t, 4)
		rec := newRecorder(console.NewPlain(io.Discard))
		s := newClientSchedule(clk, &lateAlarm{clk: clk, c: make(chan struct{}, 1)}, p, rec, rand.New(rand.NewPCG(1, 1)), rate)
		if !s.run(context.Background(), 0, int64(limit)) {
			t.Fatal("schedule interrupted")
		}
		p.awaitAll(context.Background())
		invokes = rec.history()
	})
	gapSpan := int64(2 * time.Second / rate)
	late := -1
	for i, op := range invokes {
		if op.Time > int64(jumpAt) && op.Time < int64(jumpAt+skew) {
			t.Errorf("op %d invoked at %v, inside the span the clock skipped: a catch-up burst", i, time.Duration(op.Time))
		}
		if late < 0 && op.Time >= int64(jumpAt+skew) {
			late = i
		}
		if i > 0 && i != late {
			if gap := op.Time - invokes[i-1].Time; gap < 0 || gap >= gapSpan {
				t.Errorf("gap %v before op %d, want in [0, %v)", time.Duration(gap), i, time.Duration(gapSpan))
			}
		}
	}
	if late <= 0 || late+1 >= len(invokes) {
		t.Fatalf("no op on both sides of the late wake-up (%d ops)", len(invokes))
	}
	// The late op went out when the generator woke, not when it was due
	// (nothing was invoked in the skipped span, above), and the schedule
	// carried on from there (the gaps after it, above).
	// Its timer was due within one gap after jumpAt, so the wake-up time
	// is that plus the skew.
	if got := time.Duration(invokes[late].Time); got >= jumpAt+skew+time.Duration(gapSpan) {
		t.Errorf("late op invoked at %v, want its wake-up time, before %v", got, jumpAt+skew+time.Duration(gapSpan))
	}
	// About rate × (limit − skew) ops: the skipped span costs ops.
	if n, want := len(invokes), rate*int(limit-skew)/int(time.Second); n < want/2 || n > want*3/2 {
		t.Errorf("%d ops, want about %d", n, want)
	}
}
