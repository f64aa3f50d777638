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

// MedianFigures is the run whose every figure is the median over runs
// (those that did not crash) of that figure (latencies rounded to whole milliseconds), for a table's
// median row. Its Valid and Lost are left empty: the row shows the valid
// count and the total lost instead. Limit, Excess, Cost and Faults are
// medians over the runs that recorded them, nil when none did (the median
// count of mute nodes stands as that many unnamed ones).
func MedianFigures(runs []Figures) Figures {
	var m Figures
	m.ServersMPO = medianBy(runs, func(f Figures) (float64, bool) { return f.ServersMPO, true })
	m.AllMPO = medianBy(runs, func(f Figures) (float64, bool) { return f.AllMPO, true })
	m.MedianMS = medianMS(runs, func(f Figures) (int, bool) { return f.MedianMS, true })
	m.P95MS = medianMS(runs, func(f Figures) (int, bool) { return f.P95MS, true })
	m.MaxMS = medianMS(runs, func(f Figures) (int, bool) { return f.MaxMS, true })
	m.Limit = medianPoints(runs, func(f Figures) *Points { return f.Limit })
	m.Excess = medianPoints(runs, func(f Figures) *Points { return f.Excess })
	if slices.ContainsFunc(runs, func(f Figures) bool { return f.Faults != nil }) {
		count := func(of func(*Faults) int) int {
			return medianMS(runs, func(f Figures) (int, bool) {
				if f.Faults == nil {
					return 0, false
				}
				return of(f.Faults), true
			})
		}
		m.Faults = &Faults{
			Kills:  count(func(f *Faults) int { return f.Kills }),
			Pauses: count(func(f *Faults) int { return f.Pauses }),
			Mute:   make([]string, count(func(f *Faults) int { return len(f.Mute) })),
		}
	}
	if slices.ContainsFunc(runs, func(f Figures) bool { return f.Cost != nil }) {
		m.Cost = &Cost{
			CPUPer1000Ops: medianBy(runs, CPU.Of),
			PeakRSSMaxMiB: medianBy(runs, func(f Figures) (float64, bool) {
				if f.Cost == nil {
					return 0, false
				}
				return f.Cost.PeakRSSMaxMiB, true
			}),
		}
	}
	return m
}

// medianBy is the median of a figure over the runs that have it.
func medianBy(runs []Figures, of func(Figures) (float64, bool)) float64 {
	var xs []float64
	for _, f := range runs {
		if !f.HasResults() {
			continue
		}
		if x, ok := of(f); ok {
			xs = append(xs, x)
		}
	}
	return MedianOf(xs)
}

func medianMS(runs []Figures, of func(Figures) (int, bool)) int {
	return int(math.Round(medianBy(runs, func(f Figures) (float64, bool) {
		x, ok := of(f)
		return float64(x), ok
	})))
}

func medianPoints(runs []Figures, of func(Figures) *Points) *Points {
	at := func(pick func(Points) int) func(Figures) (int, bool) {
		return func(f Figures) (int, bool) {
			if p := of(f); p != nil {
				return pick(*p), true
			}
			return 0, false
		}
	}
	if !slices.ContainsFunc(runs, func(f Figures) bool { return of(f) != nil }) {
		return nil
	}
	return &Points{
		MedianMS: medianMS(runs, at(func(p Points) int { return p.MedianMS })),
		P95MS:    medianMS(runs, at(func(p Points) int { return p.P95MS })),
		MaxMS:    medianMS(runs, at(func(p Points) int { return p.MaxMS })),
	}
}
