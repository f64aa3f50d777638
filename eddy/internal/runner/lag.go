package runner

import (
	"encoding/json"
	"fmt"
	"os"

	"eddy/internal/console"
	"eddy/internal/netsim"
	"eddy/internal/store"
)

// reportLag prints eddy's scheduling-lag line beside (after) the verdict and
// stores the same figures in lag.json. See netsim.LagStats for what is
// measured.
func reportLag(out *console.Console, dir *store.Dir, lag netsim.LagStats) {
	out.Print(fmt.Sprintf("eddy: scheduling lag p50=%s p99=%s max=%s (%d deliveries; timer wake-ups p50=%s p99=%s max=%s)\n",
		lag.P50, lag.P99, lag.Max, lag.Samples, lag.Timer.P50, lag.Timer.P99, lag.Timer.Max))
	raw, _ := json.MarshalIndent(map[string]any{
		"deliveries":    map[string]int64{"samples": int64(lag.Samples), "p50_ns": lag.P50.Nanoseconds(), "p99_ns": lag.P99.Nanoseconds(), "max_ns": lag.Max.Nanoseconds()},
		"timer_wakeups": map[string]int64{"samples": int64(lag.Timer.Samples), "p50_ns": lag.Timer.P50.Nanoseconds(), "p99_ns": lag.Timer.P99.Nanoseconds(), "max_ns": lag.Timer.Max.Nanoseconds()},
	}, "", "  ")
	_ = os.WriteFile(dir.File("lag.json"), append(raw, '\n'), 0o644)
}
