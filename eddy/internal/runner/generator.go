package runner

import (
	"context"
	"math/rand/v2"

	"eddy/internal/history"
)

// clientSchedule is Jepsen's stagger over the broadcast/read mix (§3.2,
// §3.3): one global schedule for all workers, gaps Uniform[0, 2/rate), the
// first op at once. An op happens when it is actually issued, and the next
// one is scheduled from then: a late wake-up, or a wait for a free worker,
// delays the schedule and costs ops instead of firing a backlog in a burst.
type clientSchedule struct {
	clock     clock
	alarm     alarm // wakes the schedule at each op's time
	pool      *pool
	rec       *recorder
	rng       *rand.Rand // the clients stream: op mix and gaps
	gapSpan   float64    // 2/rate seconds, in nanoseconds; 0 = no client ops
	nextValue int64      // broadcast values 0, 1, 2, … in emission order
	rotor     int        // rotating start index for choosing a worker
}

func newClientSchedule(c clock, al alarm, p *pool, rec *recorder, rng *rand.Rand, rate float64) *clientSchedule {
	s := &clientSchedule{clock: c, alarm: al, pool: p, rec: rec, rng: rng}
	if rate > 0 {
		s.gapSpan = 2 / rate * 1e9
	}
	return s
}

// run issues ops from start until the next op would fall at or after
// cutoff. It returns with ops possibly still in flight.
func (s *clientSchedule) run(ctx context.Context, start, cutoff int64) bool {
	if s.gapSpan == 0 {
		// Maelstrom replaces the workload with one sleep of the time limit.
		return sleepUntil(ctx, s.clock, cutoff)
	}
	defer s.alarm.Stop()
	next := start
	for next < cutoff {
		if !s.waitUntil(ctx, next) {
			return false
		}
		w := s.pool.firstFreeFrom(s.rotor)
		if w < 0 {
			// Nobody is free: the op goes out when a worker frees up.
			if !s.pool.awaitOne(ctx) {
				return false
			}
			w = s.pool.firstFreeFrom(s.rotor)
		}
		// The op happens now, not when it was due: Jepsen asks its
		// generator again after every wake-up, and the stagger hands out
		// the op at the current time once its time has come.
		at := max(next, s.clock.Now())
		if at >= cutoff {
			return true
		}
		s.emit(w, at)
		s.rotor = (s.rotor + 1) % len(s.pool.workers)
		next = at + int64(s.rng.Float64()*s.gapSpan)
	}
	return true
}

// waitUntil sleeps until the scheduled time while recording workers that
// finish meanwhile, so the choice at that time sees who is really free.
func (s *clientSchedule) waitUntil(ctx context.Context, at int64) bool {
	for {
		s.pool.collect()
		if at <= s.clock.Now() {
			return true
		}
		s.alarm.Set(at)
		select {
		case <-s.alarm.Ready():
			// Checked against the clock at the top: a wake-up is never
			// taken on trust.
		case i := <-s.pool.free:
			s.alarm.Stop()
			s.pool.markFree(i)
		case <-ctx.Done():
			s.alarm.Stop()
			return false
		}
	}
}

// emit records the invocation at its scheduled time and hands it to worker
// w. Each op is a broadcast or a read with equal odds.
func (s *clientSchedule) emit(w int, at int64) {
	worker := s.pool.workers[w]
	inv := history.Op{Time: at, Type: history.Invoke, Process: worker.process, Node: worker.node}
	if s.rng.IntN(2) == 0 {
		inv.F, inv.Value = history.FBroadcast, history.Element(s.nextValue)
		s.nextValue++
	} else {
		inv.F = history.FRead
	}
	s.dispatch(w, inv)
}

func (s *clientSchedule) dispatch(w int, inv history.Op) {
	inv = s.rec.record(s.pool.workers[w].thread(), inv)
	s.pool.dispatch(w, job{invoke: inv})
}
