package bench

import (
	"math"
	"slices"
)

// MedianOf is the median of xs: the middle value, or the mean of the two
// middle values of an even count; 0 for none.
func MedianOf(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	mid := len(s) / 2
	if len(s)%2 == 1 {
		return s[mid]
	}
	return (s[mid-1] + s[mid]) / 2
}

// MedianOver is the median of a figure over the runs that have it (crashed
// runs have none); false when none does. Figures in whole milliseconds
// are rounded back to whole milliseconds.
func MedianOver(runs []Figures, f Figure) (float64, bool) {
	var xs []float64
	for _, r := range runs {
		if x, missing := f.Of(r); missing == "" {
			xs = append(xs, x)
		}
	}
	if len(xs) == 0 {
		return 0, false
	}
	m := MedianOf(xs)
	if f.Unit == " ms" {
		m = math.Round(m)
	}
	return m, true
}

// Total is the sum of a figure over the runs that have it; false when
// none does.
func Total(runs []Figures, f Figure) (float64, bool) {
	sum, any := 0.0, false
	for _, r := range runs {
		if x, missing := f.Of(r); missing == "" {
			sum, any = sum+x, true
		}
	}
	return sum, any
}
