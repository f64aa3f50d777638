package report

import (
	"math"
	"strconv"

	"gonum.org/v1/plot"
)

// secondTicks labels a time axis at a round step chosen for about ten
// labels, with unlabelled minor ticks between; gonum's default gives a
// 30 s axis only two labels.
func secondTicks(lo, hi float64) []plot.Tick {
	span := hi - lo
	step := 1.0
	for _, s := range []float64{0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600} {
		step = s
		if span/s <= 12 {
			break
		}
	}
	minor := step / 5
	var ticks []plot.Tick
	for i := math.Ceil(lo / minor); i*minor <= hi+1e-9; i++ {
		v := i * minor
		t := plot.Tick{Value: v}
		if r := math.Round(v / step); math.Abs(v-r*step) < 1e-9 {
			t.Label = strconv.FormatFloat(v, 'f', -1, 64)
		}
		ticks = append(ticks, t)
	}
	return ticks
}

// logTicks labels a logarithmic axis at 1, 2 and 5 times each power of
// ten, so a range within one decade still gets labels.
func logTicks(lo, hi float64) []plot.Tick {
	var ticks []plot.Tick
	for e := math.Floor(math.Log10(lo)); math.Pow(10, e) <= hi; e++ {
		base := math.Pow(10, e)
		for m := 1; m < 10; m++ {
			v := float64(m) * base
			if v < lo || v > hi {
				continue
			}
			t := plot.Tick{Value: v}
			if m == 1 || m == 2 || m == 5 {
				t.Label = strconv.FormatFloat(v, 'g', -1, 64)
			}
			ticks = append(ticks, t)
		}
	}
	return ticks
}
