package summary

import (
	"fmt"
	"time"
)

// LagTolerance is how much scheduling lag a run's latency figures can
// take: at p99, up to this fraction of the configured latency. Beyond it
// the measured latencies say more about the machine than about the node.
const LagTolerance = 0.05

// Lag is eddy's own scheduling lag over the run's deliveries (how much
// later than the network model it handed messages over), with the p99 it
// is judged against.
type Lag struct {
	P50, P99 time.Duration
	// Limit is LagTolerance of the configured latency; 0 means no limit
	// (with --latency 0 every delay is lag, and the latency figures measure
	// eddy and the machine anyway).
	Limit time.Duration
}

// LagOf judges a run's lag quantiles against its configured latency.
func LagOf(p50, p99, latency time.Duration) Lag {
	return Lag{P50: p50, P99: p99, Limit: time.Duration(LagTolerance * float64(latency))}
}

// Trusted reports whether the lag is small enough for the run's latency
// figures to stand.
func (l Lag) Trusted() bool { return l.Limit == 0 || l.P99 <= l.Limit }

// text is the summary's lag line: the quantiles and the verdict on them.
func (l Lag) text() string {
	q := fmt.Sprintf("p50 %s, p99 %s", shortMillis(l.P50), shortMillis(l.P99))
	switch {
	case l.Limit == 0:
		return q + " (no limit at latency 0)"
	case l.Trusted():
		return fmt.Sprintf("%s (ok, limit %s)", q, shortMillis(l.Limit))
	}
	return fmt.Sprintf("%s WARNING: p99 over %s (%.0f %% of the latency), latency figures not to be trusted; is the machine busy?",
		q, shortMillis(l.Limit), LagTolerance*100)
}

// shortMillis renders a duration in milliseconds with two significant
// figures below 10 ms and whole milliseconds above.
func shortMillis(d time.Duration) string {
	ms := float64(d) / float64(time.Millisecond)
	if ms >= 10 {
		return fmt.Sprintf("%.0f ms", ms)
	}
	return fmt.Sprintf("%.2g ms", ms)
}
