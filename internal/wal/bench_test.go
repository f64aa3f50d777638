package wal

import (
	"fmt"
	"path/filepath"
	"testing"

	"rumor/messages"
)

// BenchmarkAppend appends what a node writes in 3d: one value (a relayed
// broadcast, at the hub) or a dozen (a batch from the hub, at the others),
// with and without fsync, and reports the bytes each value costs on disk.
func BenchmarkAppend(b *testing.B) {
	for _, sync := range []bool{false, true} {
		for _, batch := range []int{1, 12} {
			b.Run(fmt.Sprintf("sync=%v/values=%d", sync, batch), func(b *testing.B) {
				l, err := Create(filepath.Join(b.TempDir(), "n0.log"), testHeader, sync)
				if err != nil {
					b.Fatal(err)
				}
				defer l.Close()
				start := l.Size()
				next := int64(1000) // four-digit values, as in a 3d run
				vs := make([]messages.Value, batch)
				for b.Loop() {
					for i := range vs {
						vs[i] = messages.IntValue(next)
						next++
					}
					if err := l.Append(vs); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(l.Size()-start)/float64(next-1000), "bytes/value")
			})
		}
	}
}
