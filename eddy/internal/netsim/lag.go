package netsim

import (
	"slices"
	"sync"
	"time"
)

// LagSamples are how much later than Maelstrom's model each delivery loop
// handed a message over; the analysis turns them into quantiles.
//
// The model is a perfect scheduler running the same loop: it delivers each
// message at max(its deadline, the model time of the loop's previous
// delivery), because a message can wait behind the one before it
// (head-of-line blocking is part of the model, not lag). A delivery's lag
// is the actual moment, taken just before the write, minus that model
// time. It therefore includes timer wake-up error, the cascade of one late
// wake-up onto the messages queued behind it, and time spent blocked
// writing earlier messages to a node that reads slowly.
//
// Only deliveries after MarkZero count: init and its process launches
// come before, and no latency figure depends on them; nor do deliveries
// to a paused node or the backlog it works through after its resume (see
// Member.SetStopped).
type LagSamples struct {
	// Deliveries is every counted delivery's lag, in delivery order.
	Deliveries []time.Duration
	// Wakeups is the narrower figure: the wake-up error alone (how late
	// the timer woke the loop), over deliveries the loop slept for.
	Wakeups []time.Duration
}

// lagRecorder keeps every sample (8 bytes each; a 25-node, rate-100 run
// yields a few hundred thousand) so the quantiles are exact.
type lagRecorder struct {
	mu      sync.Mutex
	samples LagSamples
}

// record notes one delivery: its lag against the model and, if the loop
// slept for it, how late the timer woke it. Negative values (a clock read
// a hair early) count as 0.
func (r *lagRecorder) record(lag int64, slept bool, wakeLate int64) {
	r.mu.Lock()
	r.samples.Deliveries = append(r.samples.Deliveries, time.Duration(max(lag, 0)))
	if slept {
		r.samples.Wakeups = append(r.samples.Wakeups, time.Duration(max(wakeLate, 0)))
	}
	r.mu.Unlock()
}

func (r *lagRecorder) copy() LagSamples {
	r.mu.Lock()
	defer r.mu.Unlock()
	return LagSamples{Deliveries: slices.Clone(r.samples.Deliveries), Wakeups: slices.Clone(r.samples.Wakeups)}
}
