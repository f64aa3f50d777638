package report

import (
	"fmt"

	"gonum.org/v1/plot/plotter"
)

// plotRate draws completed ops per second in each time window, one line
// per kind and outcome, like Jepsen's rate.png. Ops are counted in the
// window of their completion; windows with none are plotted as zero.
func plotRate(ops []clientOp, bands []shade, end int64, path string) error {
	width := window(end)
	n := int(end/width) + 1
	p := newPlot(fmt.Sprintf("Throughput per %s window", seconds(width)), "ops/s")
	addShading(p, bands)
	for _, f := range functions {
		for _, t := range outcomes {
			counts := make([]int, n)
			seen := false
			for _, op := range ops {
				if op.F == f && op.Type == t {
					counts[min(n-1, int(op.Complete/width))]++
					seen = true
				}
			}
			if !seen {
				continue
			}
			pts := make(plotter.XYs, n)
			for i, c := range counts {
				pts[i] = plotter.XY{X: windowCentre(i, width), Y: float64(c) / nanosToSeconds(width)}
			}
			l, s, err := series(pts, outcomeColour[t], f)
			if err != nil {
				return err
			}
			p.Add(l, s)
			p.Legend.Add(f+" "+outcomeName(t), l, s)
		}
	}
	p.Y.Min = 0
	fitX(p, end)
	return savePNG(p, path)
}
