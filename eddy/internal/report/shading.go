package report

import (
	"image/color"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"eddy/internal/history"
)

// bandKind is what a shaded interval stands for; kinds are stacked in this
// order, top to bottom, where intervals overlap.
type bandKind int

const (
	partitioned bandKind = iota
	killed
	paused
	bandKinds
)

// bandFill is each kind's shade: partitions light grey, kills and pauses
// in the colours Jepsen's perf plots give them (§12.10). All are light
// enough that points drawn over them stay legible.
var bandFill = [bandKinds]color.Color{
	partitioned: color.RGBA{R: 0xe2, G: 0xe2, B: 0xe2, A: 0xff},
	killed:      color.RGBA{R: 0xe9, G: 0xa4, B: 0xa0, A: 0xff},
	paused:      color.RGBA{R: 0xa0, G: 0xb1, B: 0xe9, A: 0xff},
}

// bandName is each kind's legend entry.
var bandName = [bandKinds]string{partitioned: "partitioned", killed: "killed", paused: "paused"}

// shade is one shaded interval of a plot.
type shade struct {
	Kind       bandKind
	Start, End int64  // ns on the history clock
	Label      string // drawn at the top left of the shade when it fits
}

// shadesOf lists the partitions, kills and pauses to shade.
func shadesOf(parts []partition, faults []processFault) []shade {
	var out []shade
	for _, p := range parts {
		out = append(out, shade{Kind: partitioned, Start: p.Start, End: p.End, Label: p.Spec})
	}
	for _, f := range faults {
		kind, word := killed, "kill "
		if f.F == history.FPause {
			kind, word = paused, "pause "
		}
		out = append(out, shade{Kind: kind, Start: f.Start, End: f.End, Label: word + f.Target})
	}
	return out
}

// shading draws bands the full height of the plot. Where bands of several
// kinds overlap, the height is shared among them in stripes (partitions
// on top, then kills, then pauses), so each keeps its own colour. It is a
// plot.Plotter; it deliberately has no data range, so it never stretches
// the axes.
type shading []shade

// Plot implements plot.Plotter.
func (s shading) Plot(c draw.Canvas, p *plot.Plot) {
	trX, _ := p.Transforms(&c)
	x := func(ns int64) vg.Length { return min(max(trX(nanosToSeconds(ns)), c.Min.X), c.Max.X) }
	// Cut the time axis wherever a shade starts or ends; within each piece
	// the same kinds are in force throughout.
	var cuts []int64
	for _, b := range s {
		cuts = append(cuts, b.Start, b.End)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	stripeTop := map[int]vg.Length{} // shade index → top of its stripe where it starts
	for k := 0; k+1 < len(cuts); k++ {
		from, to := cuts[k], cuts[k+1]
		var inForce [bandKinds]int // shade index + 1 per kind, 0 if none
		stripes := 0
		for i, b := range s {
			if b.Start <= from && to <= b.End && inForce[b.Kind] == 0 {
				inForce[b.Kind] = i + 1
				stripes++
			}
		}
		x0, x1 := x(from), x(to)
		if stripes == 0 || x1 <= x0 {
			continue
		}
		height := (c.Max.Y - c.Min.Y) / vg.Length(stripes)
		top := c.Max.Y
		for kind, i := range inForce {
			if i == 0 {
				continue
			}
			fillRect(&c, bandFill[kind], x0, top-height, x1, top)
			if s[i-1].Start == from {
				stripeTop[i-1] = top
			}
			top -= height
		}
	}
	label := draw.TextStyle{
		Color:   color.Gray{Y: 0x44},
		Font:    font.From(plot.DefaultFont, font.Length(10)),
		Handler: p.Title.TextStyle.Handler,
		XAlign:  draw.XLeft,
		YAlign:  draw.YTop,
	}
	for i, b := range s {
		x0, x1 := x(b.Start), x(b.End)
		top, ok := stripeTop[i]
		if ok && x1-x0 > vg.Points(40) {
			c.FillText(label, vg.Point{X: x0 + vg.Points(2), Y: top - vg.Points(2)}, b.Label)
		}
	}
}

func fillRect(c *draw.Canvas, fill color.Color, x0, y0, x1, y1 vg.Length) {
	c.FillPolygon(fill, []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}})
}

// swatch is a legend entry's thumbnail: a square of one kind's colour.
type swatch bandKind

// Thumbnail implements plot.Thumbnailer.
func (k swatch) Thumbnail(c *draw.Canvas) {
	fillRect(c, bandFill[k], c.Min.X, c.Min.Y, c.Max.X, c.Max.Y)
}

// addShading puts the bands behind everything else on p, with a legend
// entry for each kind that occurs.
func addShading(p *plot.Plot, bands []shade) {
	if len(bands) == 0 {
		return
	}
	p.Add(shading(bands))
	for kind := range bandKinds {
		if slices.ContainsFunc(bands, func(b shade) bool { return b.Kind == kind }) {
			p.Legend.Add(bandName[kind], swatch(kind))
		}
	}
}
