package benchplot

import (
	"image/color"
	"slices"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"eddy/internal/bench"
)

// Point is one flush interval's place on the trade-off curve.
type Point struct {
	Batch   time.Duration
	Figures bench.Figures
}

// PlotFrontier draws median and maximum stable latency against msgs-per-op,
// one point per batch interval, with the msgs-per-op, median and max
// targets among targets as dashed lines, and saves it to path (the
// extension picks the format: .png, .svg, .pdf).
func PlotFrontier(points []Point, targets []bench.Target, path string) error {
	pts := slices.Clone(points)
	slices.SortFunc(pts, func(a, b Point) int { return int(a.Batch - b.Batch) })

	p := plot.New()
	p.Title.Text = "rumor on 3d/3e: latency against messages, by flush interval"
	p.X.Label.Text = "msgs-per-op (:servers)"
	p.Y.Label.Text = "stable latency (ms)"
	p.Add(plotter.NewGrid())

	var median, worst plotter.XYs
	var labels plotter.XYLabels
	for _, pt := range pts {
		// A run without a figure has no place on the curve.
		x, noX := bench.MsgsPerOp.Of(pt.Figures)
		med, noMed := bench.Median.Of(pt.Figures)
		top, noTop := bench.Worst.Of(pt.Figures)
		if noX != "" || noMed != "" || noTop != "" {
			continue
		}
		median = append(median, plotter.XY{X: x, Y: med})
		worst = append(worst, plotter.XY{X: x, Y: top})
		labels.XYs = append(labels.XYs, plotter.XY{X: x, Y: top})
		labels.Labels = append(labels.Labels, pt.Batch.String())
	}
	if _, err := addSeries(p, "median", median, blue); err != nil {
		return err
	}
	if _, err := addSeries(p, "max", worst, orange); err != nil {
		return err
	}
	lab, err := plotter.NewLabels(labels)
	if err != nil {
		return err
	}
	for i := range lab.TextStyle {
		lab.TextStyle[i].Font.Size = vg.Points(8)
	}
	lab.Offset = vg.Point{X: vg.Points(3), Y: vg.Points(3)}
	p.Add(lab)
	addTargets(p, targets)
	p.Legend.Top = true
	return p.Save(8*vg.Inch, 5*vg.Inch, path)
}

// addSeries draws xys as a line with points in colour c, named in the
// legend, and returns the line for further styling.
func addSeries(p *plot.Plot, name string, xys plotter.XYs, c color.Color) (*plotter.Line, error) {
	line, points, err := plotter.NewLinePoints(xys)
	if err != nil {
		return nil, err
	}
	line.Color = c
	points.Color = c
	p.Add(line, points)
	p.Legend.Add(name, line, points)
	return line, nil
}

// addTargets draws the msgs-per-op, median and max targets among ts as
// dashed grey lines: the good region is below and to the left of them.
func addTargets(p *plot.Plot, ts []bench.Target) {
	dashed := func(xys plotter.XYs, name string) {
		l, err := plotter.NewLine(xys)
		if err != nil {
			return
		}
		l.Color = color.Gray{Y: 120}
		l.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
		p.Add(l)
		p.Legend.Add(name, l)
	}
	p.X.Min = min(p.X.Min, 0)
	p.Y.Min = min(p.Y.Min, 0)
	xMax, yMax := p.X.Max, p.Y.Max
	for _, t := range ts {
		switch t.Figure.Name {
		case bench.MsgsPerOp.Name:
			xMax = max(xMax, t.Max*1.1)
		case bench.Median.Name, bench.Worst.Name:
			yMax = max(yMax, t.Max*1.1)
		}
	}
	for _, t := range ts {
		switch t.Figure.Name {
		case bench.MsgsPerOp.Name:
			dashed(plotter.XYs{{X: t.Max, Y: 0}, {X: t.Max, Y: yMax}}, "target: "+t.String())
		case bench.Median.Name, bench.Worst.Name:
			dashed(plotter.XYs{{X: 0, Y: t.Max}, {X: xMax, Y: t.Max}}, "target: "+t.String())
		}
	}
}
