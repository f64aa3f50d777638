package timer

import (
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"
)

// BenchmarkAlarmLateness measures how late alarms wake 25 waiters (one per
// node of the 3d shape), each sleeping 1–20 ms at a time, with the precise
// timer goroutine and with Go timers. It reports the lateness quantiles in
// µs; ns/op is wall time per wake-up and means little.
func BenchmarkAlarmLateness(b *testing.B) {
	for _, precise := range []bool{true, false} {
		name := "go-timers"
		if precise {
			name = "precise"
		}
		b.Run(name, func(b *testing.B) {
			n := newClock(precise)
			const waiters = 25
			lates := make([][]int64, waiters)
			var wg sync.WaitGroup
			per := max(b.N/waiters, 1)
			for w := range waiters {
				wg.Add(1)
				go func() {
					defer wg.Done()
					r := rand.New(rand.NewPCG(uint64(w), 2))
					al := n.NewAlarm()
					defer al.Stop()
					for range per {
						at := n.Now() + int64(time.Millisecond) + r.Int64N(int64(19*time.Millisecond))
						al.Set(at)
						<-al.Ready()
						lates[w] = append(lates[w], n.Now()-at)
					}
				}()
			}
			wg.Wait()
			all := slices.Concat(lates...)
			slices.Sort(all)
			b.ReportMetric(float64(all[len(all)/2])/1e3, "p50-µs")
			b.ReportMetric(float64(all[len(all)*99/100])/1e3, "p99-µs")
		})
	}
}
