package runner

import (
	"encoding/json"
	"os"
	"time"

	"eddy/internal/netsim"
	"eddy/internal/store"
	"eddy/internal/summary"
)

// lagOf judges the network's scheduling lag against the configured
// latency; the summary prints the verdict. See netsim.LagStats for what is
// measured.
func lagOf(stats netsim.LagStats, latency netsim.Latency) summary.Lag {
	return summary.LagOf(stats.P50, stats.P99, time.Duration(latency.MeanMillis)*time.Millisecond)
}

// writeLag stores the lag figures in lag.json: the deliveries' lag, the
// timer wake-ups', the p99 limit and whether the run is to be trusted.
func writeLag(dir *store.Dir, stats netsim.LagStats, lag summary.Lag) {
	raw, _ := json.MarshalIndent(map[string]any{
		"deliveries":    map[string]int64{"samples": int64(stats.Samples), "p50_ns": stats.P50.Nanoseconds(), "p99_ns": stats.P99.Nanoseconds(), "max_ns": stats.Max.Nanoseconds()},
		"timer_wakeups": map[string]int64{"samples": int64(stats.Timer.Samples), "p50_ns": stats.Timer.P50.Nanoseconds(), "p99_ns": stats.Timer.P99.Nanoseconds(), "max_ns": stats.Timer.Max.Nanoseconds()},
		"p99_limit_ns":  lag.Limit.Nanoseconds(),
		"trusted":       lag.Trusted(),
	}, "", "  ")
	_ = os.WriteFile(dir.File("lag.json"), append(raw, '\n'), 0o644)
}
