package report

import (
	"image/color"
	"testing"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

func TestOverlappingFaultsShareTheHeightInTheirOwnColours(t *testing.T) {
	s := func(kind bandKind, from, to int64) shade {
		return shade{Kind: kind, Start: from * int64(time.Second), End: to * int64(time.Second)}
	}
	p := plot.New()
	p.HideAxes()
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 10, 0, 1
	addShading(p, []shade{s(partitioned, 1, 5), s(killed, 3, 7), s(paused, 4, 9)})
	const w, h = 1000, 300
	img := vgimg.NewWith(vgimg.UseWH(vg.Length(w), vg.Length(h)), vgimg.UseDPI(72))
	p.Draw(draw.New(img))
	at := func(seconds, fromTop float64) color.Color {
		return img.Image().At(int(seconds/10*w), int(fromTop*h))
	}
	white := color.RGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	cases := []struct {
		name           string
		seconds, depth float64 // depth: 0 top, 1 bottom
		want           color.Color
	}{
		{"before any fault", 0.5, 0.5, white},
		{"partition alone", 2, 0.1, bandFill[partitioned]},
		{"partition alone", 2, 0.9, bandFill[partitioned]},
		{"partition over kill", 3.5, 0.25, bandFill[partitioned]},
		{"partition over kill", 3.5, 0.75, bandFill[killed]},
		{"all three: top", 4.5, 1.0 / 6, bandFill[partitioned]},
		{"all three: middle", 4.5, 0.5, bandFill[killed]},
		{"all three: bottom", 4.5, 5.0 / 6, bandFill[paused]},
		{"kill over pause", 6, 0.25, bandFill[killed]},
		{"kill over pause", 6, 0.75, bandFill[paused]},
		{"pause alone", 8, 0.5, bandFill[paused]},
		{"after every fault", 9.5, 0.5, white},
	}
	for _, c := range cases {
		got := color.RGBAModel.Convert(at(c.seconds, c.depth))
		if want := color.RGBAModel.Convert(c.want); got != want {
			t.Errorf("%s (%g s, %g down): %v, want %v", c.name, c.seconds, c.depth, got, want)
		}
	}
}
