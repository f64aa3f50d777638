package store

import "time"

// RunFile is run.json's name in a run directory.
const RunFile = "run.json"

// RunRecord is run.json: what eddy knows of a run beyond its results, for
// tools that read a run back (cmd/bench among them).
type RunRecord struct {
	Test string `json:"test"` // "broadcast"
	// Start is the wall-clock moment of history time 0 (UTC, to the
	// nanosecond): history time t happened at Start + t. It lines the
	// history up with timestamps the nodes write to their logs.
	Start       time.Time `json:"start"`
	Seed        uint64    `json:"seed"`
	Nodes       []string  `json:"nodes"`
	Concurrency int       `json:"concurrency"`
	// Parameters are the test's options as the command line spells them.
	Parameters string `json:"parameters"`
	// Ops is the number of client invocations: the denominator of
	// msgs-per-op and of CPU per 1000 ops.
	Ops int `json:"ops"`
}

// WriteRun writes run.json; Start is stored in UTC without its monotonic
// reading.
func (d *Dir) WriteRun(r RunRecord) error {
	r.Start = r.Start.UTC().Round(0)
	return d.writeJSON(RunFile, r)
}

// ReadRun reads run.json back.
func (d *Dir) ReadRun() (RunRecord, error) {
	var r RunRecord
	return r, d.readJSON(RunFile, &r)
}
