package report

import (
	"fmt"
	"slices"

	"gonum.org/v1/plot/plotter"
)

// plottedQuantiles are Jepsen's: median, 95th and 99th percentiles, maximum.
var plottedQuantiles = []float64{0.5, 0.95, 0.99, 1}

// plotLatencyQuantiles draws, per kind of op and time window, the latency
// quantiles of the ops invoked in that window (every completion counts,
// whatever its outcome), like Jepsen's latency-quantiles.png.
func plotLatencyQuantiles(ops []clientOp, bands []shade, end int64, path string) error {
	width := window(end)
	p := newPlot(fmt.Sprintf("Latency quantiles per %s window", seconds(width)), "latency (ms, log)")
	useLogY(p)
	addShading(p, bands)
	for _, f := range functions {
		buckets := map[int][]int64{}
		for _, op := range ops {
			if op.F == f {
				i := int(op.Invoke / width)
				buckets[i] = append(buckets[i], op.latency())
			}
		}
		if len(buckets) == 0 {
			continue
		}
		keys := make([]int, 0, len(buckets))
		for k := range buckets {
			keys = append(keys, k)
			slices.Sort(buckets[k])
		}
		slices.Sort(keys)
		for _, q := range plottedQuantiles {
			// Windows without ops break the line rather than bridging them.
			for j, run := range contiguous(keys) {
				pts := make(plotter.XYs, 0, len(run))
				for _, k := range run {
					pts = append(pts, plotter.XY{X: windowCentre(k, width), Y: latencyMillis(quantile(buckets[k], q))})
				}
				l, s, err := series(pts, quantileColour[q], f)
				if err != nil {
					return err
				}
				p.Add(l, s)
				if j == 0 {
					p.Legend.Add(fmt.Sprintf("%s %g", f, q), l, s)
				}
			}
		}
	}
	fitX(p, end)
	return savePNG(p, path)
}

// quantile is the nearest-rank quantile the checker also uses:
// sorted[min(n-1, floor(n·q))].
func quantile(sorted []int64, q float64) int64 {
	i := min(len(sorted)-1, int(float64(len(sorted))*q))
	return sorted[i]
}

// seconds renders a window width for a title.
func seconds(ns int64) string { return fmt.Sprintf("%g s", nanosToSeconds(ns)) }

// contiguous splits sorted window indexes into runs of consecutive ones.
func contiguous(keys []int) [][]int {
	var runs [][]int
	for i, k := range keys {
		if i == 0 || k != keys[i-1]+1 {
			runs = append(runs, nil)
		}
		runs[len(runs)-1] = append(runs[len(runs)-1], k)
	}
	return runs
}
