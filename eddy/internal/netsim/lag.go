package netsim

import (
	"fmt"
	"slices"
	"sync"
	"time"
)

// LagStats summarise how much later than Maelstrom's model the delivery
// loops handed messages over.
//
// The model is a perfect scheduler running the same loop: it delivers each
// message at max(its deadline, the model time of the loop's previous
// delivery), because a message can wait behind the one before it
// (head-of-line blocking is part of the model, not lag). Lag is the actual
// moment, taken just before the write, minus that model time. It therefore
// includes timer wake-up error, the cascade of one late wake-up onto the
// messages queued behind it, and time spent blocked writing earlier
// messages to a node that reads slowly.
//
// Only deliveries after MarkZero count: init and its process launches
// come before, and no latency figure depends on them.
//
// Timer is the narrower figure: the wake-up error alone, over deliveries
// the loop actually slept for.
type LagStats struct {
	Samples       int
	P50, P99, Max time.Duration
	Timer         Quantiles
}

// Quantiles are p50, p99 and max over a set of samples.
type Quantiles struct {
	Samples       int
	P50, P99, Max time.Duration
}

func (s LagStats) String() string {
	return fmt.Sprintf("p50=%s p99=%s max=%s samples=%d (timer wake-ups: %s)", s.P50, s.P99, s.Max, s.Samples, s.Timer)
}

func (q Quantiles) String() string {
	return fmt.Sprintf("p50=%s p99=%s max=%s samples=%d", q.P50, q.P99, q.Max, q.Samples)
}

// lagRecorder keeps every sample (8 bytes each; a 25-node, rate-100 run
// yields a few hundred thousand) so the quantiles are exact.
type lagRecorder struct {
	mu     sync.Mutex
	all    []int64
	wakeup []int64
}

// record notes one delivery: its lag against the model and, if the loop
// slept for it, how late the timer woke it.
func (r *lagRecorder) record(lag int64, slept bool, wakeLate int64) {
	r.mu.Lock()
	r.all = append(r.all, max(lag, 0))
	if slept {
		r.wakeup = append(r.wakeup, max(wakeLate, 0))
	}
	r.mu.Unlock()
}

func (r *lagRecorder) stats() LagStats {
	r.mu.Lock()
	all, wakeup := slices.Clone(r.all), slices.Clone(r.wakeup)
	r.mu.Unlock()
	q := quantiles(all)
	return LagStats{Samples: q.Samples, P50: q.P50, P99: q.P99, Max: q.Max, Timer: quantiles(wakeup)}
}

// quantiles sorts samples in place and reads p50, p99 and max the way the
// checker reads its quantiles: index min(n−1, floor(n·p)).
func quantiles(samples []int64) Quantiles {
	if len(samples) == 0 {
		return Quantiles{}
	}
	slices.Sort(samples)
	at := func(p float64) time.Duration {
		return time.Duration(samples[min(len(samples)-1, int(float64(len(samples))*p))])
	}
	return Quantiles{Samples: len(samples), P50: at(0.5), P99: at(0.99), Max: time.Duration(samples[len(samples)-1])}
}
