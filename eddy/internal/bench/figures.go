package bench

import (
	"eddy/internal/analysis"
	"eddy/internal/checker"
	"eddy/internal/history"
	"eddy/internal/store"
)

// Figures are one eddy run as its store directory holds it, read through
// package store.
type Figures struct {
	Seed int64
	Dir  string // the run's store directory

	// Results is the checker's results map; nil for a run that crashed
	// (eddy wrote no results).
	Results *checker.Results
	// Run is run.json (the op count, the start time); nil without it.
	Run *store.RunRecord
	// Limit is limit.json, Cost cost.json and Faults faults.json; each nil
	// when the run did not write it.
	Limit  *store.LimitFigures
	Cost   *analysis.Cost
	Faults *analysis.Faults
	// Lag is lag.json: eddy's scheduling lag and the network model's
	// head-of-line waits; nil when the run did not write it.
	Lag *analysis.Lag
	// Failovers are the node's hub failovers.
	Failovers Failovers
}

// Crashed reports whether the run ended without results.
func (f Figures) Crashed() bool { return f.Results == nil }

// Valid is the run's overall verdict (False for a crashed run).
func (f Figures) Valid() checker.Validity {
	if f.Crashed() {
		return checker.False
	}
	return f.Results.Valid()
}

// Lost is the number of values the checker found lost (0 for a crashed
// run, which has no figures).
func (f Figures) Lost() int {
	if f.Crashed() {
		return 0
	}
	return f.Results.Workload.LostCount
}

// acknowledged is how many broadcasts completed :ok, and whether the run
// says (a crashed run, or one whose stats checker failed, does not).
func (f Figures) acknowledged() (int, bool) {
	if f.Crashed() || f.Results.Stats.Error != "" {
		return 0, false
	}
	for _, s := range f.Results.Stats.ByF {
		if s.F == history.FBroadcast {
			return s.OKCount, true
		}
	}
	return 0, true
}

// noneAcknowledged reports a run on which the checker says no broadcast
// was acknowledged: one whose validity the fault scenarios do not judge.
func (f Figures) noneAcknowledged() bool {
	n, known := f.acknowledged()
	return known && n == 0
}

// Failovers are a run's hub failovers (see the package comment).
type Failovers struct {
	// All counts every failover line; Reachable those away from a hub the
	// node could hear at that moment and that had heard the node's last
	// message to it (see the package comment).
	All, Reachable int
	// Missing says why they could not be counted ("" when they were).
	Missing string
}
