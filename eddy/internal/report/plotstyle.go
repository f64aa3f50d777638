package report

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"eddy/internal/history"
)

// Colours by outcome, as Jepsen's perf plots use them: ok is blue, info
// (indeterminate) orange, fail red.
var outcomeColour = map[history.Type]color.Color{
	history.OK:   color.RGBA{R: 0x2b, G: 0x6c, B: 0xd4, A: 0xff},
	history.Info: color.RGBA{R: 0xf0, G: 0x8c, B: 0x00, A: 0xff},
	history.Fail: color.RGBA{R: 0xd6, G: 0x1f, B: 0x3c, A: 0xff},
}

// outcomes in legend order.
var outcomes = []history.Type{history.OK, history.Info, history.Fail}

// outcomeName is an outcome as a legend says it.
func outcomeName(t history.Type) string { return t.String()[1:] }

// functions in legend order; each gets its own glyph so kinds stay apart
// when colours coincide.
var functions = []string{history.FBroadcast, history.FRead}

var functionGlyph = map[string]draw.GlyphDrawer{
	history.FBroadcast: draw.TriangleGlyph{},
	history.FRead:      draw.CircleGlyph{},
}

// quantileColour gives each plotted quantile its own colour.
var quantileColour = map[float64]color.Color{
	0.5:  color.RGBA{R: 0x2b, G: 0x6c, B: 0xd4, A: 0xff},
	0.95: color.RGBA{R: 0x2a, G: 0xa1, B: 0x5a, A: 0xff},
	0.99: color.RGBA{R: 0xf0, G: 0x8c, B: 0x00, A: 0xff},
	1:    color.RGBA{R: 0xd6, G: 0x1f, B: 0x3c, A: 0xff},
}

// The size every plot is drawn at: 960×384 px at vgimg's 96 dpi.
const (
	plotWidth  = 10 * vg.Inch
	plotHeight = 4 * vg.Inch
)

// newPlot makes a plot with the house style: time in seconds along x,
// a legend that savePNG draws beside the plot.
func newPlot(title, yLabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font.Size = font.Length(14)
	p.X.Label.Text = "time (s)"
	p.Y.Label.Text = yLabel
	return p
}

// nanosToSeconds converts the history clock to plot seconds.
func nanosToSeconds(ns int64) float64 { return float64(ns) / 1e9 }

// series builds one function's line with its glyphs in colour c. Reads are
// dashed so that the two kinds stay apart even where their colours match.
func series(pts plotter.XYs, c color.Color, f string) (*plotter.Line, *plotter.Scatter, error) {
	l, s, err := plotter.NewLinePoints(pts)
	if err != nil {
		return nil, nil, err
	}
	l.LineStyle.Color = c
	l.LineStyle.Width = vg.Points(1.2)
	if f == history.FRead {
		l.LineStyle.Dashes = []vg.Length{vg.Points(4), vg.Points(2)}
	}
	s.GlyphStyle.Color = c
	s.GlyphStyle.Shape = functionGlyph[f]
	s.GlyphStyle.Radius = vg.Points(2.5)
	return l, s, nil
}
