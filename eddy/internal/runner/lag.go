package runner

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"eddy/internal/console"
	"eddy/internal/netsim"
	"eddy/internal/store"
)

// lagTolerance is how much scheduling lag a run's latency figures can take:
// at p99 up to 5 % of the configured latency. Beyond that the measured
// latencies say more about the machine than about the node.
const lagTolerance = 0.05

// lagLimit is the p99 lag beyond which a run is flagged; 0 means no limit
// (with --latency 0 every delay is lag, and the latency figures measure
// eddy and the machine anyway).
func lagLimit(latency netsim.Latency) time.Duration {
	return time.Duration(lagTolerance * float64(latency.MeanMillis) * float64(time.Millisecond))
}

// reportLag prints eddy's scheduling-lag line beside (after) the verdict,
// with a warning when p99 exceeds lagLimit, and stores the same figures in
// lag.json. See netsim.LagStats for what is measured.
func reportLag(out *console.Console, dir *store.Dir, lag netsim.LagStats, latency netsim.Latency) {
	out.Print(fmt.Sprintf("eddy: scheduling lag p50=%s p99=%s max=%s (%d deliveries; timer wake-ups p50=%s p99=%s max=%s)\n",
		lag.P50, lag.P99, lag.Max, lag.Samples, lag.Timer.P50, lag.Timer.P99, lag.Timer.Max))
	limit := lagLimit(latency)
	trusted := limit == 0 || lag.P99 <= limit
	if !trusted {
		out.Print(fmt.Sprintf("eddy: WARNING: scheduling lag p99 %s is over %.0f%% of the %d ms latency (%s); this run's latency figures are not to be trusted (is the machine busy?)\n",
			lag.P99, lagTolerance*100, latency.MeanMillis, limit))
	}
	raw, _ := json.MarshalIndent(map[string]any{
		"deliveries":    map[string]int64{"samples": int64(lag.Samples), "p50_ns": lag.P50.Nanoseconds(), "p99_ns": lag.P99.Nanoseconds(), "max_ns": lag.Max.Nanoseconds()},
		"timer_wakeups": map[string]int64{"samples": int64(lag.Timer.Samples), "p50_ns": lag.Timer.P50.Nanoseconds(), "p99_ns": lag.Timer.P99.Nanoseconds(), "max_ns": lag.Timer.Max.Nanoseconds()},
		"p99_limit_ns":  limit.Nanoseconds(),
		"trusted":       trusted,
	}, "", "  ")
	_ = os.WriteFile(dir.File("lag.json"), append(raw, '\n'), 0o644)
}
