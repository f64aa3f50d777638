package checker

import (
	"fmt"

	"eddy/internal/history"
)

// NetGroup is one group of network journal counts (semantics §7).
type NetGroup struct{ SendCount, RecvCount, MsgCount int }

// NetCounts is what the network journal saw over the whole run: every event,
// events touching a client, and the rest.
type NetCounts struct{ All, Clients, Servers NetGroup }

// Options are the run options the analysis depends on.
type Options struct {
	// Availability is the --availability goal: "" for none, "total" for
	// every operation, or a number in [0, 1] as text ("0.9").
	Availability string
}

// Check runs every sub-checker over the history and the network counts.
// A sub-checker that panics yields {:valid? :unknown, :error …} instead of
// aborting the analysis, as Jepsen's check-safe does.
func Check(h history.History, net NetCounts, opts Options) *Results {
	r := &Results{
		Perf: Perf{LatencyGraph: True, RateGraph: True, Valid: True},
	}
	if err := guard(func() { r.Exceptions = checkExceptions(h) }); err != "" {
		r.Exceptions = Exceptions{Valid: Unknown, Error: err}
	}
	if err := guard(func() { r.Stats = checkStats(h) }); err != "" {
		r.Stats = Stats{Valid: Unknown, Error: err}
	}
	if err := guard(func() { r.Availability = checkAvailability(h, opts.Availability) }); err != "" {
		r.Availability = Availability{Valid: Unknown, Error: err}
	}
	if err := guard(func() { r.Net = checkNet(h, net) }); err != "" {
		r.Net = Net{Valid: Unknown, Error: err}
	}
	if err := guard(func() { r.Workload = checkWorkload(h) }); err != "" {
		r.Workload = Workload{Valid: Unknown, Error: err}
	}
	return r
}

// checkFailure is how a sub-checker reports a history it cannot make sense
// of; guard turns it (or any other panic) into an :error text.
type checkFailure struct{ msg string }

func failf(format string, args ...any) {
	panic(checkFailure{fmt.Sprintf(format, args...)})
}

// guard runs fn and returns the text of any panic it raised, or "".
func guard(fn func()) (failure string) {
	defer func() {
		if p := recover(); p != nil {
			if f, ok := p.(checkFailure); ok {
				failure = f.msg
				return
			}
			failure = fmt.Sprint(p)
		}
	}()
	fn()
	return ""
}

// SetFull is the :workload sub-checker alone: Jepsen's set-full over h's
// client ops, guarded like Check (a history it cannot read yields
// {:valid? :unknown, :error …}). The limit package scores its perfect
// broadcast with it, so both figures follow the same rules.
func SetFull(h history.History) Workload {
	var w Workload
	if err := guard(func() { w = checkWorkload(h) }); err != "" {
		return Workload{Valid: Unknown, Error: err}
	}
	return w
}
