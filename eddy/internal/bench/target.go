package bench

import (
	"fmt"
	"strconv"
)

// Figure is one number read off a run, with the name and unit the target
// lists show.
type Figure struct {
	Name string
	Unit string // " ms", " s" or "" (printed right after the number)
	// Digits is how many decimals the verdicts show.
	Digits int
	of     func(Figures) (float64, bool)
	// absent says why a run lacks the figure; nil means "not recorded".
	absent func(Figures) string
}

// Of reads the figure off a run; false when the run did not record it
// (no limit.json or cost.json, for example under real Maelstrom).
func (f Figure) Of(r Figures) (float64, bool) { return f.of(r) }

// Format renders a value of the figure with its unit.
func (f Figure) Format(v float64) string {
	return strconv.FormatFloat(v, 'f', f.Digits, 64) + f.Unit
}

// The figures the project's targets are stated in.
var (
	MsgsPerOp = Figure{Name: "msgs-per-op", Digits: 3, of: func(f Figures) (float64, bool) { return f.ServersMPO, true }}
	Median    = Figure{Name: "median", Unit: " ms", of: func(f Figures) (float64, bool) { return float64(f.MedianMS), true }}
	Worst     = Figure{Name: "max", Unit: " ms", of: func(f Figures) (float64, bool) { return float64(f.MaxMS), true }}
	Excess50  = excessFigure("0.5", func(p Points) int { return p.MedianMS })
	Excess95  = excessFigure("0.95", func(p Points) int { return p.P95MS })
	Excess100 = excessFigure("1", func(p Points) int { return p.MaxMS })
	CPU       = Figure{Name: "cpu per 1000 ops", Unit: " s", Digits: 2, of: func(f Figures) (float64, bool) {
		if f.Cost == nil {
			return 0, false
		}
		return f.Cost.CPUPer1000Ops, true
	}}
)

func excessFigure(q string, at func(Points) int) Figure {
	return Figure{Name: "excess " + q, Unit: " ms", of: func(f Figures) (float64, bool) {
		if f.Excess == nil {
			return 0, false
		}
		return float64(at(*f.Excess)), true
	}, absent: func(f Figures) string {
		if f.HasLimitFile {
			return "no stable values" // the validity rule fails the run too
		}
		return "not recorded"
	}}
}

// Over says how a target combines a scenario's runs.
type Over int

const (
	// EverySeed holds each run to the bound: the worst run decides.
	EverySeed Over = iota
	// MedianOfSeeds holds the median over runs to the bound.
	MedianOfSeeds
)

// Target is a ceiling on one figure over a scenario's runs.
type Target struct {
	Figure Figure
	Max    float64
	Over   Over
	// ShowWorst adds the worst seed to a median target's result.
	ShowWorst bool
}

// String states the target as the verdict lists show it.
func (t Target) String() string {
	bound := strconv.FormatFloat(t.Max, 'g', -1, 64) + t.Figure.Unit
	if t.Over == MedianOfSeeds {
		return fmt.Sprintf("median %s over seeds <= %s", t.Figure.Name, bound)
	}
	return fmt.Sprintf("%s <= %s on every seed", t.Figure.Name, bound)
}

// Verdict is one target checked against a scenario's runs.
type Verdict struct {
	Target string // what was asked
	Got    string // what the runs gave
	Met    bool
}

// Check holds runs to every target, after the one rule every scenario has:
// every run valid and nothing lost. A target whose figure some run did not
// record is missed, never passed by default.
func Check(runs []Figures, targets []Target) []Verdict {
	valid, lost := 0, 0
	for _, r := range runs {
		if r.Valid == "true" {
			valid++
		}
		lost += r.Lost
	}
	verdicts := []Verdict{{
		Target: "valid and 0 lost on every seed",
		Got:    fmt.Sprintf("%d/%d valid, %d lost", valid, len(runs), lost),
		Met:    len(runs) > 0 && valid == len(runs) && lost == 0,
	}}
	for _, t := range targets {
		verdicts = append(verdicts, t.check(runs))
	}
	return verdicts
}

func (t Target) check(runs []Figures) Verdict {
	v := Verdict{Target: t.String()}
	var values []float64
	worst, worstSeed := 0.0, int64(0)
	for _, r := range runs {
		if !r.HasResults() {
			continue // a crash already fails the validity rule
		}
		x, ok := t.Figure.Of(r)
		if !ok {
			why := "not recorded"
			if t.Figure.absent != nil {
				why = t.Figure.absent(r)
			}
			v.Got = fmt.Sprintf("%s (seed %d)", why, r.Seed)
			return v
		}
		if len(values) == 0 || x > worst {
			worst, worstSeed = x, r.Seed
		}
		values = append(values, x)
	}
	if len(values) == 0 {
		v.Got = "no runs with results"
		return v
	}
	if t.Over == MedianOfSeeds {
		m := MedianOf(values)
		v.Got, v.Met = "median "+t.Figure.Format(m), m <= t.Max
		if t.ShowWorst {
			v.Got += fmt.Sprintf(", max %s (seed %d)", t.Figure.Format(worst), worstSeed)
		}
		return v
	}
	v.Got, v.Met = fmt.Sprintf("worst %s (seed %d)", t.Figure.Format(worst), worstSeed), worst <= t.Max
	return v
}

// Missed counts the verdicts that were not met.
func Missed(vs []Verdict) int {
	n := 0
	for _, v := range vs {
		if !v.Met {
			n++
		}
	}
	return n
}
