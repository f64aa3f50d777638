package bench

import (
	"cmp"
	"slices"
)

// Spread is the median of some runs' figure with its range.
type Spread[T cmp.Ordered] struct{ Median, Min, Max T }

// SpreadOf summarises xs; the median of an even count is the lower middle,
// so that it is always a figure some run actually produced.
func SpreadOf[T cmp.Ordered](xs []T) Spread[T] {
	if len(xs) == 0 {
		return Spread[T]{}
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return Spread[T]{Median: s[(len(s)-1)/2], Min: s[0], Max: s[len(s)-1]}
}

// Summary is what several runs of one scenario came to.
type Summary struct {
	Runs       int
	Valid      int // runs whose checker said true
	Lost       int // values lost over all runs
	ServersMPO Spread[float64]
	MedianMS   Spread[int]
	MaxMS      Spread[int]
	// Excess spreads the runs' excess over the limit at 0.5, 0.95 and 1;
	// ExcessRuns is how many runs had a limit.json.
	Excess     [3]Spread[int]
	ExcessRuns int
}

// Summarise reduces runs to their spreads.
func Summarise(runs []Figures) Summary {
	s := Summary{Runs: len(runs)}
	var mpo []float64
	var med, worst []int
	for _, f := range runs {
		if f.Valid == "true" {
			s.Valid++
		}
		s.Lost += f.Lost
		mpo = append(mpo, f.ServersMPO)
		med = append(med, f.MedianMS)
		worst = append(worst, f.MaxMS)
	}
	s.ServersMPO = SpreadOf(mpo)
	s.MedianMS = SpreadOf(med)
	s.MaxMS = SpreadOf(worst)
	var excess [3][]int
	for _, f := range runs {
		if f.Excess != nil {
			s.ExcessRuns++
			excess[0] = append(excess[0], f.Excess.MedianMS)
			excess[1] = append(excess[1], f.Excess.P95MS)
			excess[2] = append(excess[2], f.Excess.MaxMS)
		}
	}
	for i := range excess {
		s.Excess[i] = SpreadOf(excess[i])
	}
	return s
}

// Limits are the bounds a scenario must stay within on every run; zero
// means no bound.
type Limits struct {
	ServersMPO float64
	MedianMS   int
	MaxMS      int
}

// Meets reports whether every run was valid, lost nothing and kept within
// l: the worst run decides, not the median.
func (s Summary) Meets(l Limits) bool {
	ok := s.Runs > 0 && s.Valid == s.Runs && s.Lost == 0
	if l.ServersMPO > 0 {
		ok = ok && s.ServersMPO.Max <= l.ServersMPO
	}
	if l.MedianMS > 0 {
		ok = ok && s.MedianMS.Max <= l.MedianMS
	}
	if l.MaxMS > 0 {
		ok = ok && s.MaxMS.Max <= l.MaxMS
	}
	return ok
}
