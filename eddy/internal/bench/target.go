package bench

import (
	"fmt"
	"strconv"
	"strings"

	"eddy/internal/checker"
)

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

// Check holds a scenario's runs to its validity rule, then to every
// target. A target whose figure a run lacks is missed, with a message
// saying it is missing, never passed by default; the one exception is a
// seed the scenario's validity rule does not judge (no broadcast
// acknowledged, under process faults), which has no latency to judge
// either.
func Check(sc Scenario, runs []Figures) []Verdict {
	verdicts := sc.validity(runs)
	for _, t := range sc.Targets {
		verdicts = append(verdicts, t.check(runs, sc.excused))
	}
	return verdicts
}

// validity is the scenario's validity rule as verdicts.
func (sc Scenario) validity(runs []Figures) []Verdict {
	valid, lost, crashed := 0, 0, 0
	for _, r := range runs {
		switch {
		case r.Crashed():
			crashed++
		case r.Valid() == checker.True:
			valid++
		}
		lost += r.Lost()
	}
	if !sc.ExcuseUnacknowledged {
		return []Verdict{{
			Target: "valid and 0 lost on every seed",
			Got:    fmt.Sprintf("%d/%d valid, %d lost", valid, len(runs), lost),
			Met:    len(runs) > 0 && valid == len(runs) && lost == 0,
		}}
	}
	lostRule := Verdict{Target: "0 lost on every seed", Got: fmt.Sprintf("%d lost", lost), Met: len(runs) > 0 && lost == 0 && crashed == 0}
	if crashed > 0 {
		lostRule.Got += fmt.Sprintf(", %d crashed", crashed)
	}
	judged, judgedValid := 0, 0
	for _, r := range runs {
		if sc.excused(r) {
			continue
		}
		judged++
		if !r.Crashed() && r.Valid() == checker.True {
			judgedValid++
		}
	}
	validRule := Verdict{
		Target: "valid on every seed on which a broadcast was acknowledged",
		Got:    fmt.Sprintf("%d/%d valid", judgedValid, judged),
		Met:    judged > 0 && judgedValid == judged,
	}
	if n := len(runs) - judged; n > 0 {
		validRule.Got += fmt.Sprintf(", %d not judged (%s)", n, strings.Join(seedList(sc.NotJudged(runs)), ", "))
	}
	return []Verdict{lostRule, validRule}
}

// NotJudged lists the seeds whose validity the scenario does not judge: no
// broadcast acknowledged, under process faults.
func (sc Scenario) NotJudged(runs []Figures) []int64 {
	var seeds []int64
	for _, r := range runs {
		if sc.excused(r) {
			seeds = append(seeds, r.Seed)
		}
	}
	return seeds
}

// excused reports a run whose validity the scenario does not judge.
func (sc Scenario) excused(r Figures) bool { return sc.ExcuseUnacknowledged && r.noneAcknowledged() }

func seedList(seeds []int64) []string {
	out := make([]string, len(seeds))
	for i, s := range seeds {
		out[i] = "seed " + strconv.FormatInt(s, 10)
	}
	return out
}

func (t Target) check(runs []Figures, excused func(Figures) bool) Verdict {
	v := Verdict{Target: t.String()}
	var values []float64
	worst, worstSeed := 0.0, int64(0)
	for _, r := range runs {
		if r.Crashed() {
			continue // a crash already fails the validity rule
		}
		x, missing := t.Figure.Of(r)
		if missing != "" {
			if excused(r) {
				continue
			}
			v.Got = fmt.Sprintf("%s missing (seed %d): %s", t.Figure.Name, r.Seed, missing)
			return v
		}
		if len(values) == 0 || x > worst {
			worst, worstSeed = x, r.Seed
		}
		values = append(values, x)
	}
	if len(values) == 0 {
		v.Got = "no runs with " + t.Figure.Name
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
