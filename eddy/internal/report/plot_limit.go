package report

import (
	"errors"
	"image/color"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"eddy/internal/history"
	"eddy/internal/limit"
)

// plotLimit draws every value stable both in the run and in the limit: its
// limit stable latency along x, its actual one along y, with the line y = x
// where a node would be as fast as the network allows. The height of a dot
// above the line is that value's excess.
func plotLimit(pairs []limit.Pair, path string) error {
	if len(pairs) == 0 {
		return errors.New("no value is stable both in the run and in the limit")
	}
	p := newPlot("Stable latency of each value: actual against the limit", "actual stable latency (ms)")
	p.X.Label.Text = "limit: perfect broadcast's stable latency (ms)"
	pts := make(plotter.XYs, len(pairs))
	top := 1.0
	for i, pr := range pairs {
		pts[i] = plotter.XY{X: float64(pr.Limit), Y: float64(pr.Actual)}
		top = max(top, float64(pr.Limit), float64(pr.Actual))
	}
	top *= 1.05
	diagonal, err := plotter.NewLine(plotter.XYs{{X: 0, Y: 0}, {X: top, Y: top}})
	if err != nil {
		return err
	}
	diagonal.LineStyle.Color = color.Gray{Y: 0x80}
	diagonal.LineStyle.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
	dots, err := plotter.NewScatter(pts)
	if err != nil {
		return err
	}
	dots.GlyphStyle.Color = outcomeColour[history.OK]
	dots.GlyphStyle.Shape = draw.CircleGlyph{}
	dots.GlyphStyle.Radius = vg.Points(2.2)
	p.Add(diagonal, dots)
	p.Legend.Add("a value", dots)
	p.Legend.Add("actual = limit", diagonal)
	p.X.Min, p.Y.Min = 0, 0
	p.X.Max, p.Y.Max = top, top
	// Square data area (the legend takes a strip on the right), so the
	// line y = x runs at 45°.
	return savePNGSized(p, path, limitPlotWidth, limitPlotHeight)
}

// The size of limit.png: 720×576 px at 96 dpi.
const (
	limitPlotWidth  = 7.5 * vg.Inch
	limitPlotHeight = 6 * vg.Inch
)
