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
// A sub-checker that cannot make sense of the history yields {:valid?
// :unknown, :error …} instead of aborting the analysis, as Jepsen's
// check-safe does.
func Check(h history.History, net NetCounts, opts Options) *Results {
	r := &Results{
		Perf: Perf{LatencyGraph: True, RateGraph: True, Valid: True},
	}
	var failure string
	if r.Exceptions, failure = safely(func() (Exceptions, error) { return checkExceptions(h), nil }); failure != "" {
		r.Exceptions = Exceptions{Valid: Unknown, Error: failure}
	}
	if r.Stats, failure = safely(func() (Stats, error) { return checkStats(h) }); failure != "" {
		r.Stats = Stats{Valid: Unknown, Error: failure}
	}
	if r.Availability, failure = safely(func() (Availability, error) { return checkAvailability(h, opts.Availability) }); failure != "" {
		r.Availability = Availability{Valid: Unknown, Error: failure}
	}
	if r.Net, failure = safely(func() (Net, error) { return checkNet(h, net), nil }); failure != "" {
		r.Net = Net{Valid: Unknown, Error: failure}
	}
	r.Workload = SetFull(h)
	return r
}

// safely runs one sub-checker and returns its result, or the text of the
// error it reported. A sub-checker reports what it cannot make sense of as
// an error; a panic would be a bug in eddy, and is caught too, as Jepsen's
// check-safe catches any exception, so one broken checker does not take
// the verdicts of the others with it.
func safely[T any](check func() (T, error)) (result T, failure string) {
	defer func() {
		if p := recover(); p != nil {
			failure = fmt.Sprint(p)
		}
	}()
	result, err := check()
	if err != nil {
		return result, err.Error()
	}
	return result, ""
}

// SetFull is the :workload sub-checker alone: Jepsen's set-full over h's
// client ops; a history it cannot read yields {:valid? :unknown, :error
// …}. The limit package scores its perfect broadcast with it, so both
// figures follow the same rules.
func SetFull(h history.History) Workload {
	w, failure := safely(func() (Workload, error) { return checkWorkload(h) })
	if failure != "" {
		return Workload{Valid: Unknown, Error: failure}
	}
	return w
}
