package report

import (
	"image/color"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"eddy/internal/history"
)

// spreadBars adapts spreads for plotter.YErrorBars: a point at the upper
// bound, a bar down to the lower bound.
type spreadBars []spread

// Len is the number of values.
func (s spreadBars) Len() int { return len(s) }

// XY places value i at its broadcast time and its upper bound.
func (s spreadBars) XY(i int) (float64, float64) {
	return nanosToSeconds(s[i].Sent), nanosToSeconds(s[i].Hi)
}

// YError runs value i's bar down to its lower bound and not above the dot.
func (s spreadBars) YError(i int) (float64, float64) {
	return nanosToSeconds(s[i].Hi - s[i].Lo), 0
}

// plotPropagation draws, for every broadcast value, how long after its
// broadcast every node was seen holding it (see spread): a dot at the
// first moment the last node showed it, a bar down to the latest moment a
// read proved some node still lacked it. Values never seen on every node
// are red crosses at how long they were still missing somewhere.
func plotPropagation(all []spread, bands []shade, end int64, path string) error {
	p := newPlot("Propagation: broadcast until seen on every node", "seconds after broadcast")
	addShading(p, bands)
	var everywhere spreadBars
	var missing plotter.XYs
	for _, s := range all {
		if s.Everywhere {
			everywhere = append(everywhere, s)
		} else {
			missing = append(missing, plotter.XY{X: nanosToSeconds(s.Sent), Y: nanosToSeconds(s.Lo)})
		}
	}
	blue := outcomeColour[history.OK]
	if len(everywhere) > 0 {
		bars, err := plotter.NewYErrorBars(everywhere)
		if err != nil {
			return err
		}
		bars.LineStyle.Color = color.NRGBA{R: 0x2b, G: 0x6c, B: 0xd4, A: 0x80}
		bars.CapWidth = vg.Points(3)
		dots, err := plotter.NewScatter(everywhere)
		if err != nil {
			return err
		}
		dots.GlyphStyle.Color = blue
		dots.GlyphStyle.Shape = draw.CircleGlyph{}
		dots.GlyphStyle.Radius = vg.Points(2.5)
		p.Add(bars, dots)
		p.Legend.Add("on every node", dots)
	}
	if len(missing) > 0 {
		crosses, err := plotter.NewScatter(missing)
		if err != nil {
			return err
		}
		crosses.GlyphStyle.Color = outcomeColour[history.Fail]
		crosses.GlyphStyle.Shape = draw.CrossGlyph{}
		crosses.GlyphStyle.Radius = vg.Points(3.5)
		p.Add(crosses)
		p.Legend.Add("never on every node", crosses)
	}
	p.Y.Min = 0
	fitX(p, end)
	return savePNG(p, path)
}
