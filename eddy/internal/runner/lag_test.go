package runner

import (
	"encoding/json"
	"os"
	"testing"
	"time"

	"eddy/internal/netsim"
	"eddy/internal/store"
)

func TestLagOverFivePercentOfTheLatencyIsNotTrusted(t *testing.T) {
	for _, c := range []struct {
		name    string
		p99     time.Duration
		latency int
		trusted bool
	}{
		{"under", 4 * time.Millisecond, 100, true},
		{"over", 6 * time.Millisecond, 100, false},
		{"zero latency has no limit", time.Second, 0, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir, err := store.Create(t.TempDir(), "broadcast", time.Now())
			if err != nil {
				t.Fatal(err)
			}
			stats := netsim.LagStats{Samples: 10, P50: time.Millisecond, P99: c.p99, Max: c.p99}
			lag := lagOf(stats, netsim.Latency{MeanMillis: c.latency, Dist: netsim.Constant})
			if lag.Trusted() != c.trusted {
				t.Errorf("trusted=%v for p99 %v at latency %d ms", lag.Trusted(), c.p99, c.latency)
			}
			writeLag(dir, stats, lag)
			raw, err := os.ReadFile(dir.File("lag.json"))
			if err != nil {
				t.Fatal(err)
			}
			var got struct {
				Trusted    bool
				Deliveries struct {
					P50 int64 `json:"p50_ns"`
					P99 int64 `json:"p99_ns"`
				}
			}
			if err := json.Unmarshal(raw, &got); err != nil {
				t.Fatal(err)
			}
			if got.Trusted != c.trusted || got.Deliveries.P99 != c.p99.Nanoseconds() || got.Deliveries.P50 != int64(time.Millisecond) {
				t.Errorf("lag.json %s", raw)
			}
		})
	}
}
