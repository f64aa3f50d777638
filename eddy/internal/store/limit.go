package store

import (
	"time"

	"eddy/internal/checker"
	"eddy/internal/limit"
)

// LimitFile is limit.json's name in a run directory.
const LimitFile = "limit.json"

// LimitFigures are the figures limit.json keeps of a run's limit: the hop,
// the perfect broadcast's set-full counts, and its stable-latency
// quantiles beside the run's own and the excess (each nil when there were
// no stable values).
type LimitFigures struct {
	Hop                                    time.Duration // to the microsecond
	StableCount, LostCount, NeverReadCount int
	Limit, Actual, Excess                  *checker.Quantiles
}

// LimitFiguresOf is what limit.json keeps of r.
func LimitFiguresOf(r limit.Result) LimitFigures {
	return LimitFigures{
		Hop:         r.Hop.Truncate(time.Microsecond),
		StableCount: r.Workload.StableCount, LostCount: r.Workload.LostCount, NeverReadCount: r.Workload.NeverReadCount,
		Limit: r.Limit, Actual: r.Actual, Excess: r.Excess,
	}
}

// limitFile is limit.json's layout. Quantiles are keyed by their point, as
// in results.json, in whole milliseconds; a distribution with no values is
// null.
type limitFile struct {
	HopMillis       float64        `json:"hop-ms"`
	StableCount     int            `json:"stable-count"`
	LostCount       int            `json:"lost-count"`
	NeverReadCount  int            `json:"never-read-count"`
	StableLatencies *quantilesFile `json:"stable-latencies"`
	Actual          *quantilesFile `json:"actual-stable-latencies"`
	Excess          *quantilesFile `json:"excess"`
}

func fileOf(q *checker.Quantiles) *quantilesFile {
	if q == nil {
		return nil
	}
	return &quantilesFile{Min: q.Min, Median: q.Median, P95: q.P95, P99: q.P99, Max: q.Max}
}

// WriteLimit writes limit.json.
func (d *Dir) WriteLimit(r limit.Result) error {
	f := LimitFiguresOf(r)
	return d.writeJSON(LimitFile, limitFile{
		HopMillis:   float64(f.Hop.Microseconds()) / 1000,
		StableCount: f.StableCount, LostCount: f.LostCount, NeverReadCount: f.NeverReadCount,
		StableLatencies: fileOf(f.Limit), Actual: fileOf(f.Actual), Excess: fileOf(f.Excess),
	})
}

// ReadLimit reads limit.json back.
func (d *Dir) ReadLimit() (LimitFigures, error) {
	var f limitFile
	if err := d.readJSON(LimitFile, &f); err != nil {
		return LimitFigures{}, err
	}
	return LimitFigures{
		Hop:         time.Duration(f.HopMillis*1000+0.5) * time.Microsecond,
		StableCount: f.StableCount, LostCount: f.LostCount, NeverReadCount: f.NeverReadCount,
		Limit: f.StableLatencies.quantiles(), Actual: f.Actual.quantiles(), Excess: f.Excess.quantiles(),
	}, nil
}
