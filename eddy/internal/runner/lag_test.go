package runner

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"eddy/internal/console"
	"eddy/internal/netsim"
	"eddy/internal/store"
)

func TestLagOverFivePercentOfTheLatencyIsFlagged(t *testing.T) {
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
			var out bytes.Buffer
			lag := netsim.LagStats{Samples: 10, P50: time.Millisecond, P99: c.p99, Max: c.p99}
			reportLag(console.NewPlain(&out), dir, lag, netsim.Latency{MeanMillis: c.latency, Dist: netsim.Constant})
			if warned := strings.Contains(out.String(), "WARNING"); warned == c.trusted {
				t.Errorf("warned=%v for p99 %v at latency %d ms:\n%s", warned, c.p99, c.latency, out.String())
			}
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
