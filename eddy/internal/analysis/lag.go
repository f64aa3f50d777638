package analysis

import (
	"slices"
	"time"

	"eddy/internal/netsim"
)

// LagTolerance is how much scheduling lag a run's latency figures can
// take: at p99, up to this fraction of the configured latency. Beyond it
// the measured latencies say more about the machine than about the node.
const LagTolerance = 0.05

// Lag is eddy's own scheduling lag over the run's deliveries (how much
// later than the network model it handed messages over; see
// netsim.LagSamples), with the p99 it is judged against. It is lag.json's
// content; the fields are in the file's key order.
type Lag struct {
	Deliveries Quantiles `json:"deliveries"`
	// P99Limit is LagTolerance of the configured latency; 0 means no limit
	// (with --latency 0 every delay is lag, and the latency figures measure
	// eddy and the machine anyway).
	P99Limit time.Duration `json:"p99_limit_ns"`
	// Wakeups is the timer wake-up error alone, over deliveries the loop
	// slept for.
	Wakeups Quantiles `json:"timer_wakeups"`
	// Trusted says the deliveries' p99 is within P99Limit, so the run's
	// latency figures stand.
	Trusted bool `json:"trusted"`
	// HeadOfLine is the model's own waits, which lag is measured against.
	HeadOfLine HeadOfLine `json:"head_of_line"`
}

// HeadOfLine is how long the network model itself held deliveries past
// their deadlines, behind a message the destination's loop slept on (see
// netsim.HeadOfLine): not lag, and not the node's doing. Under an
// exponential latency one long draw leaves a node deaf for as long, and a
// run's maximum stable latency often crossed such a node.
type HeadOfLine struct {
	Waits Quantiles `json:"waits"`
	// LongestMember is the node whose queue held the longest wait, and
	// LongestDue that delivery's deadline on the run's clock ("" and 0
	// when nothing waited).
	LongestMember string        `json:"longest_member,omitempty"`
	LongestDue    time.Duration `json:"longest_due_ns"`
}

// HeadOfLineOf summarises the model's waits.
func HeadOfLineOf(h netsim.HeadOfLine) HeadOfLine {
	return HeadOfLine{Waits: quantilesOf(h.Waits), LongestMember: h.Longest.Member, LongestDue: h.Longest.Due}
}

// Quantiles are p50, p99 and max over a set of samples, read as the
// checker reads its quantiles: index min(n−1, floor(n·p)).
type Quantiles struct {
	Max     time.Duration `json:"max_ns"`
	P50     time.Duration `json:"p50_ns"`
	P99     time.Duration `json:"p99_ns"`
	Samples int           `json:"samples"`
}

// LagOf judges a run's lag samples against its configured latency.
func LagOf(s netsim.LagSamples, latency time.Duration) Lag {
	l := Lag{
		Deliveries: quantilesOf(s.Deliveries),
		Wakeups:    quantilesOf(s.Wakeups),
		P99Limit:   time.Duration(LagTolerance * float64(latency)),
	}
	l.Trusted = l.P99Limit == 0 || l.Deliveries.P99 <= l.P99Limit
	return l
}

func quantilesOf(samples []time.Duration) Quantiles {
	if len(samples) == 0 {
		return Quantiles{}
	}
	s := slices.Clone(samples)
	slices.Sort(s)
	at := func(p float64) time.Duration { return s[min(len(s)-1, int(float64(len(s))*p))] }
	return Quantiles{Samples: len(s), P50: at(0.5), P99: at(0.99), Max: s[len(s)-1]}
}
