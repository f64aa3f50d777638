package summary

import (
	"eddy/internal/checker"
	"eddy/internal/limit"
)

// Run is the digest of one finished run.
type Run struct {
	Valid   checker.Validity
	Verdict string // the closing line Jepsen prints

	// Checkers is every sub-checker's verdict in the page's order.
	Checkers []Checker

	Ops checker.OpCounts // client completions

	// Set-full's counts.
	Attempts, Stable, Lost, NeverRead, Stale int

	// Availability: the fraction of invocations that completed :ok
	// (1 when there were none).
	OKFraction float32

	// Messages per client operation (absent without operations), and the
	// server messages sent and delivered.
	MsgsPerOpAll, MsgsPerOpServers float32
	HasMsgsPerOp                   bool
	ServerSends, ServerRecvs       int

	// Stable and lost latency quantiles in ms; nil when there were none.
	StableLatencies, LostLatencies *checker.Quantiles

	// Limit is the perfect broadcast's score (nil if it was not computed).
	Limit *limit.Result

	// Cost is the nodes' CPU time and memory (nil when unknown).
	Cost *Cost

	// Lag is eddy's own scheduling lag (nil when not measured).
	Lag *Lag

	// Faults counts the process faults and names the mute nodes.
	Faults Faults

	// Page is the path of the run's index.html.
	Page string
}

// Checker is one sub-checker's verdict.
type Checker struct {
	Name  string // the results map's key: "workload", "stats", …
	Valid checker.Validity
	Error string // set when the sub-checker itself failed
}

// Of digests a run's results, its limit, its cost and eddy's lag; page is
// the path of its index.html.
func Of(r *checker.Results, verdict string, lim *limit.Result, cost *Cost, lag *Lag, page string) Run {
	w := r.Workload
	s := Run{
		Valid:   r.Valid(),
		Verdict: verdict,
		Checkers: []Checker{
			{Name: "workload", Valid: w.Valid, Error: w.Error},
			{Name: "stats", Valid: r.Stats.Valid, Error: r.Stats.Error},
			{Name: "availability", Valid: r.Availability.Valid, Error: r.Availability.Error},
			{Name: "net", Valid: r.Net.Valid, Error: r.Net.Error},
			{Name: "exceptions", Valid: r.Exceptions.Valid, Error: r.Exceptions.Error},
			{Name: "perf", Valid: r.Perf.Valid},
			{Name: "timeline", Valid: r.Timeline.Valid},
		},
		Ops:              r.Stats.OpCounts,
		Attempts:         w.AttemptCount,
		Stable:           w.StableCount,
		Lost:             w.LostCount,
		NeverRead:        w.NeverReadCount,
		Stale:            w.StaleCount,
		OKFraction:       r.Availability.OKFraction,
		MsgsPerOpAll:     r.Net.All.MsgsPerOp,
		MsgsPerOpServers: r.Net.Servers.MsgsPerOp,
		HasMsgsPerOp:     r.Net.Servers.HasMsgsPerOp,
		ServerSends:      r.Net.Servers.SendCount,
		ServerRecvs:      r.Net.Servers.RecvCount,
		StableLatencies:  w.StableLatencies,
		LostLatencies:    w.LostLatencies,
		Limit:            lim,
		Cost:             cost,
		Lag:              lag,
		Page:             page,
	}
	if r.Availability.NoInvokes {
		s.OKFraction = 1
	}
	return s
}
