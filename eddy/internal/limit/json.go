package limit

import (
	"encoding/json"

	"eddy/internal/checker"
)

// file is limit.json's layout. Quantiles are keyed by their point, as in
// results.json, in whole milliseconds; a distribution with no values is
// null.
type file struct {
	HopMillis       float64         `json:"hop-ms"`
	StableCount     int             `json:"stable-count"`
	LostCount       int             `json:"lost-count"`
	NeverReadCount  int             `json:"never-read-count"`
	StableLatencies *quantileObject `json:"stable-latencies"`
	Actual          *quantileObject `json:"actual-stable-latencies"`
	Excess          *quantileObject `json:"excess"`
}

// quantileObject is a checker.Quantiles as {"0": …, "0.5": …, …}.
type quantileObject struct {
	Min    int64 `json:"0"`
	Median int64 `json:"0.5"`
	P95    int64 `json:"0.95"`
	P99    int64 `json:"0.99"`
	Max    int64 `json:"1"`
}

func objectOf(q *checker.Quantiles) *quantileObject {
	if q == nil {
		return nil
	}
	return &quantileObject{Min: q.Min, Median: q.Median, P95: q.P95, P99: q.P99, Max: q.Max}
}

// JSON renders the result as limit.json: the hop, the limit's set-full
// counts, its stable-latency quantiles, the run's own for reference, and
// the excess (actual − limit), indented and ending with a newline.
func (r Result) JSON() []byte {
	raw, _ := json.MarshalIndent(file{
		HopMillis:       float64(r.Hop.Microseconds()) / 1000,
		StableCount:     r.Workload.StableCount,
		LostCount:       r.Workload.LostCount,
		NeverReadCount:  r.Workload.NeverReadCount,
		StableLatencies: objectOf(r.Limit),
		Actual:          objectOf(r.Actual),
		Excess:          objectOf(r.Excess),
	}, "", "  ")
	return append(raw, '\n')
}
