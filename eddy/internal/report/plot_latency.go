package report

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// minLatencyMillis floors latencies on the log axis, which cannot show 0.
const minLatencyMillis = 1e-3

// latencyMillis is an op's latency for a log axis, in milliseconds.
func latencyMillis(ns int64) float64 { return max(float64(ns)/1e6, minLatencyMillis) }

// plotLatencyRaw draws every op's latency against its invocation time,
// one series per kind and outcome, as Jepsen's latency-raw.png does.
func plotLatencyRaw(ops []clientOp, bands []shade, end int64, path string) error {
	p := newPlot("Latency of every operation", "latency (ms, log)")
	useLogY(p)
	addShading(p, bands)
	for _, f := range functions {
		for _, t := range outcomes {
			var pts plotter.XYs
			for _, op := range ops {
				if op.F == f && op.Type == t {
					pts = append(pts, plotter.XY{X: nanosToSeconds(op.Invoke), Y: latencyMillis(op.latency())})
				}
			}
			if len(pts) == 0 {
				continue
			}
			s, err := plotter.NewScatter(pts)
			if err != nil {
				return err
			}
			s.GlyphStyle.Color = outcomeColour[t]
			s.GlyphStyle.Shape = functionGlyph[f]
			s.GlyphStyle.Radius = vg.Points(2.5)
			p.Add(s)
			p.Legend.Add(f+" "+outcomeName(t), s)
		}
	}
	fitX(p, end)
	return savePNG(p, path)
}

// useLogY gives p a logarithmic y axis with ticks at powers of ten.
func useLogY(p *plot.Plot) {
	p.Y.Scale = plot.LogScale{}
	p.Y.Tick.Marker = plot.TickerFunc(logTicks)
}

// fitX spans the x axis over the whole history, whatever was plotted, so
// every picture of a run shares one time axis.
func fitX(p *plot.Plot, end int64) {
	p.X.Min = 0
	p.X.Max = math.Max(nanosToSeconds(end), 1)
	p.X.Tick.Marker = plot.TickerFunc(secondTicks)
}
