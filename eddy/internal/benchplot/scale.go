// Package benchplot draws the benchmark commands' plots: the scale plot
// (msgs-per-op, latency and CPU against the node count, medians over
// seeds) and the frontier plot (latency against msgs-per-op by flush
// interval), with the targets marked. It reads figures only through
// bench.Figure, so a figure a run lacks is left out, never drawn as 0.
package benchplot

import (
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"eddy/internal/bench"
)

// Colours of the scale plot's series.
var (
	blue   = color.RGBA{R: 31, G: 119, B: 180, A: 255}
	orange = color.RGBA{R: 255, G: 127, B: 14, A: 255}
	green  = color.RGBA{R: 44, G: 160, B: 44, A: 255}
	red    = color.RGBA{R: 214, G: 39, B: 40, A: 255}
)

// PlotScale draws, against the node count, three panels stacked: msgs-per-op;
// median and max stable latency with the limit's 0.5 and 1 points; and node
// CPU seconds per 1000 ops. Each point is the median over that size's runs,
// and each target a red cross at its size. The extension of path picks the
// format (.png, .svg, .pdf).
func PlotScale(scs []bench.Scenario, runs [][]bench.Figures, path string) error {
	series := func(f bench.Figure) plotter.XYs {
		var xys plotter.XYs
		for i, sc := range scs {
			if y, ok := bench.MedianOver(runs[i], f); ok {
				xys = append(xys, plotter.XY{X: float64(sc.Shape.Nodes), Y: y})
			}
		}
		return xys
	}

	mpo := newScalePlot("rumor on the 3d shape by node count: messages (:servers)", "msgs-per-op")
	lat := newScalePlot("stable latency (medians over seeds)", "ms")
	cpu := newScalePlot("node CPU", "s per 1000 ops")
	steps := []struct {
		p      *plot.Plot
		name   string
		xys    plotter.XYs
		c      color.Color
		dashed bool
	}{
		{mpo, "msgs-per-op", series(bench.MsgsPerOp), blue, false},
		{lat, "max", series(bench.Worst), orange, false},
		{lat, "median", series(bench.Median), blue, false},
		{lat, "limit 1", series(bench.Limit100), orange, true},
		{lat, "limit 0.5", series(bench.Limit50), blue, true},
		{cpu, "cpu", series(bench.CPU), green, false},
	}
	for _, s := range steps {
		if len(s.xys) == 0 {
			continue
		}
		line, err := addSeries(s.p, s.name, s.xys, s.c)
		if err != nil {
			return err
		}
		if s.dashed {
			line.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
		}
	}
	for _, sc := range scs {
		for _, t := range sc.Targets {
			switch t.Figure.Name {
			case bench.MsgsPerOp.Name:
				addTarget(mpo, sc.Shape.Nodes, t)
			case bench.Median.Name, bench.Worst.Name:
				addTarget(lat, sc.Shape.Nodes, t)
			case bench.CPU.Name:
				addTarget(cpu, sc.Shape.Nodes, t)
			}
		}
	}
	// The x axis starts at 0, so growth with N reads true to scale and the
	// legend has the empty left margin to itself; ticks are the sizes run.
	var ticks []plot.Tick
	maxN := 0
	for _, sc := range scs {
		ticks = append(ticks, plot.Tick{Value: float64(sc.Shape.Nodes), Label: fmt.Sprint(sc.Shape.Nodes)})
		maxN = max(maxN, sc.Shape.Nodes)
	}
	for _, p := range []*plot.Plot{mpo, lat, cpu} {
		p.Legend.Add("target", targetGlyph())
		p.X.Min, p.X.Max = 0, float64(maxN)*1.2
		p.X.Tick.Marker = plot.ConstantTicks(ticks)
		p.Y.Min, p.Y.Max = 0, p.Y.Max*1.1
	}
	cpu.X.Label.Text = "nodes"
	return saveColumn([]*plot.Plot{mpo, lat, cpu}, 8*vg.Inch, 10*vg.Inch, path)
}

func newScalePlot(title, y string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Y.Label.Text = y
	p.Add(plotter.NewGrid())
	p.Legend.Top = true
	p.Legend.Left = true
	return p
}

func targetGlyph() *plotter.Scatter {
	s, _ := plotter.NewScatter(plotter.XYs{})
	s.GlyphStyle = draw.GlyphStyle{Color: red, Radius: vg.Points(4), Shape: draw.CrossGlyph{}}
	return s
}

// addTarget marks a target as a cross at its size, labelled with its bound.
func addTarget(p *plot.Plot, nodes int, t bench.Target) {
	xy := plotter.XYs{{X: float64(nodes), Y: t.Max}}
	s, err := plotter.NewScatter(xy)
	if err != nil {
		return
	}
	s.GlyphStyle = targetGlyph().GlyphStyle
	p.Add(s)
	lab, err := plotter.NewLabels(plotter.XYLabels{XYs: xy, Labels: []string{fmt.Sprintf("%s <= %g", t.Figure.Name, t.Max)}})
	if err != nil {
		return
	}
	for i := range lab.TextStyle {
		lab.TextStyle[i].Font.Size = vg.Points(8)
	}
	lab.Offset = vg.Point{X: vg.Points(5), Y: vg.Points(2)}
	p.Add(lab)
}

// saveColumn draws plots one above the other, aligned, on one canvas and
// writes it to path in the format its extension names.
func saveColumn(plots []*plot.Plot, w, h vg.Length, path string) error {
	format := strings.TrimPrefix(filepath.Ext(path), ".")
	c, err := draw.NewFormattedCanvas(w, h, format)
	if err != nil {
		return err
	}
	grid := make([][]*plot.Plot, len(plots))
	for i, p := range plots {
		grid[i] = []*plot.Plot{p}
	}
	tiles := draw.Tiles{Rows: len(plots), Cols: 1, PadTop: vg.Points(6), PadBottom: vg.Points(6), PadLeft: vg.Points(6), PadRight: vg.Points(12), PadY: vg.Points(10)}
	canvases := plot.Align(grid, tiles, draw.New(c))
	for i, p := range plots {
		p.Draw(canvases[i][0])
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := c.WriteTo(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
