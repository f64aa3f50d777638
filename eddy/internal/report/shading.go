package report

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// partitionFill is the shade behind partitioned intervals, light enough
// that points drawn over it stay legible.
var partitionFill = color.RGBA{R: 0xe2, G: 0xe2, B: 0xe2, A: 0xff}

// shading draws partition intervals as grey bands the full height of the
// plot, each labelled with its spec along the top. It is a plot.Plotter and
// a plot.Thumbnailer (for the legend); it deliberately has no data range,
// so it never stretches the axes.
type shading []partition

// Plot implements plot.Plotter.
func (s shading) Plot(c draw.Canvas, p *plot.Plot) {
	trX, _ := p.Transforms(&c)
	label := draw.TextStyle{
		Color:   color.Gray{Y: 0x44},
		Font:    font.From(plot.DefaultFont, font.Length(10)),
		Handler: p.Title.TextStyle.Handler,
		XAlign:  draw.XLeft,
		YAlign:  draw.YTop,
	}
	for _, part := range s {
		x0 := max(c.Min.X, trX(nanosToSeconds(part.Start)))
		x1 := min(c.Max.X, trX(nanosToSeconds(part.End)))
		if x1 <= x0 {
			continue
		}
		c.FillPolygon(partitionFill, []vg.Point{
			{X: x0, Y: c.Min.Y}, {X: x1, Y: c.Min.Y}, {X: x1, Y: c.Max.Y}, {X: x0, Y: c.Max.Y},
		})
		if x1-x0 > vg.Points(40) {
			c.FillText(label, vg.Point{X: x0 + vg.Points(2), Y: c.Max.Y - vg.Points(2)}, part.Spec)
		}
	}
}

// Thumbnail implements plot.Thumbnailer.
func (shading) Thumbnail(c *draw.Canvas) {
	c.FillPolygon(partitionFill, []vg.Point{
		{X: c.Min.X, Y: c.Min.Y}, {X: c.Max.X, Y: c.Min.Y}, {X: c.Max.X, Y: c.Max.Y}, {X: c.Min.X, Y: c.Max.Y},
	})
}

// addShading puts the partitions behind everything else on p, with a
// legend entry when there are any.
func addShading(p *plot.Plot, parts []partition) {
	if len(parts) == 0 {
		return
	}
	p.Add(shading(parts))
	p.Legend.Add("partitioned", shading(nil))
}
