package store

import "eddy/internal/analysis"

// The names of the analysis's small files in a run directory.
const (
	CostFile   = "cost.json"
	FaultsFile = "faults.json"
	LagFile    = "lag.json"
)

// WriteCost writes cost.json: the nodes' CPU seconds (total and per 1000
// client ops) and peak RSS (mean and max, MiB).
func (d *Dir) WriteCost(c analysis.Cost) error { return d.writeJSON(CostFile, c) }

// ReadCost reads cost.json back.
func (d *Dir) ReadCost() (analysis.Cost, error) {
	var c analysis.Cost
	return c, d.readJSON(CostFile, &c)
}

// WriteFaults writes faults.json: the process faults' counts and the mute
// nodes.
func (d *Dir) WriteFaults(f analysis.Faults) error { return d.writeJSON(FaultsFile, f) }

// ReadFaults reads faults.json back.
func (d *Dir) ReadFaults() (analysis.Faults, error) {
	var f analysis.Faults
	return f, d.readJSON(FaultsFile, &f)
}

// WriteLag writes lag.json: the deliveries' lag and the timer wake-ups'
// (samples, p50, p99, max in ns), the p99 limit and whether the run's
// latency figures can be trusted.
func (d *Dir) WriteLag(l analysis.Lag) error { return d.writeJSON(LagFile, l) }

// ReadLag reads lag.json back.
func (d *Dir) ReadLag() (analysis.Lag, error) {
	var l analysis.Lag
	return l, d.readJSON(LagFile, &l)
}
