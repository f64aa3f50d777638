package bench

import (
	"strconv"

	"eddy/internal/checker"
	"eddy/internal/store"
)

// Figure is one number read off a run, with the name and unit the tables
// and verdicts show.
type Figure struct {
	Name string
	Unit string // " ms", " s" or "" (printed right after the number)
	// Digits is how many decimals the verdicts show.
	Digits int
	of     func(Figures) (float64, string)
}

// Of reads the figure off a run: its value, or why the run has none
// (missing is "" when it has one). A crashed run has no figures.
func (f Figure) Of(r Figures) (value float64, missing string) {
	if r.Crashed() {
		return 0, "the run crashed"
	}
	return f.of(r)
}

// Format renders a value of the figure with its unit.
func (f Figure) Format(v float64) string {
	return strconv.FormatFloat(v, 'f', f.Digits, 64) + f.Unit
}

// The figures the tables show and the targets are stated in.
var (
	// MsgsPerOp is :net :servers msgs-per-op.
	MsgsPerOp = Figure{Name: "msgs-per-op", Digits: 3, of: func(f Figures) (float64, string) {
		n := f.Results.Net
		switch {
		case n.Error != "":
			return 0, "the net checker failed: " + n.Error
		case !n.Servers.HasMsgsPerOp:
			return 0, "the run had no client operations"
		}
		return decimal(n.Servers.MsgsPerOp), ""
	}}
	// Actual50, Actual95 and Actual100 are the run's stable latency at
	// 0.5, 0.95 and 1; Median and Worst name the first and the last.
	Actual50  = actual("median", func(q checker.Quantiles) int64 { return q.Median })
	Actual95  = actual("0.95", func(q checker.Quantiles) int64 { return q.P95 })
	Actual100 = actual("max", func(q checker.Quantiles) int64 { return q.Max })
	Median    = Actual50
	Worst     = Actual100
	// Limit50, Limit95 and Limit100 are the perfect broadcast's.
	Limit50  = limitFigure("limit 0.5", limitOf, func(q checker.Quantiles) int64 { return q.Median })
	Limit95  = limitFigure("limit 0.95", limitOf, func(q checker.Quantiles) int64 { return q.P95 })
	Limit100 = limitFigure("limit 1", limitOf, func(q checker.Quantiles) int64 { return q.Max })
	// Excess50, Excess95 and Excess100 are actual − limit.
	Excess50  = limitFigure("excess 0.5", excessOf, func(q checker.Quantiles) int64 { return q.Median })
	Excess95  = limitFigure("excess 0.95", excessOf, func(q checker.Quantiles) int64 { return q.P95 })
	Excess100 = limitFigure("excess 1", excessOf, func(q checker.Quantiles) int64 { return q.Max })
	// CPU is the nodes' CPU seconds per 1000 client ops; RSS the largest
	// node's peak RSS in MiB.
	CPU = Figure{Name: "cpu per 1000 ops", Unit: " s", Digits: 2, of: func(f Figures) (float64, string) {
		if f.Cost == nil {
			return 0, "the run wrote no cost.json"
		}
		return f.Cost.CPUPer1000Ops, ""
	}}
	RSS = Figure{Name: "peak rss", Unit: " MiB", Digits: 1, of: func(f Figures) (float64, string) {
		if f.Cost == nil {
			return 0, "the run wrote no cost.json"
		}
		return f.Cost.PeakRSSMaxMiB, ""
	}}
	// HeadOfLine is the longest the network model held a due message
	// behind one its node's loop slept on, in ms (analysis.HeadOfLine).
	HeadOfLine = Figure{Name: "longest head-of-line wait", Unit: " ms", of: func(f Figures) (float64, string) {
		switch {
		case f.Lag == nil:
			return 0, "the run wrote no lag.json"
		case f.Lag.HeadOfLine.Waits.Samples == 0:
			return 0, "the run recorded no head-of-line waits"
		}
		return float64(f.Lag.HeadOfLine.Waits.Max.Milliseconds()), ""
	}}
	// Kills, Pauses and Mute count kill ops, pause ops and mute nodes.
	Kills  = faultFigure("kills", func(k, p, m int) int { return k })
	Pauses = faultFigure("pauses", func(k, p, m int) int { return p })
	Mute   = faultFigure("mute nodes", func(k, p, m int) int { return m })
	// ReachableFailovers counts failovers away from a reachable hub;
	// AllFailovers every failover.
	ReachableFailovers = failoverFigure("failovers away from a reachable hub", func(f Failovers) int { return f.Reachable })
	AllFailovers       = failoverFigure("failovers", func(f Failovers) int { return f.All })
)

func limitOf(l *store.LimitFigures) *checker.Quantiles  { return l.Limit }
func excessOf(l *store.LimitFigures) *checker.Quantiles { return l.Excess }

func actual(name string, at func(checker.Quantiles) int64) Figure {
	return Figure{Name: name, Unit: " ms", of: func(f Figures) (float64, string) {
		w := f.Results.Workload
		switch {
		case w.Error != "":
			return 0, "the workload checker failed: " + w.Error
		case w.StableLatencies == nil:
			return 0, "no value was stable"
		}
		return float64(at(*w.StableLatencies)), ""
	}}
}

func limitFigure(name string, pick func(*store.LimitFigures) *checker.Quantiles, at func(checker.Quantiles) int64) Figure {
	return Figure{Name: name, Unit: " ms", of: func(f Figures) (float64, string) {
		if f.Limit == nil {
			return 0, "the run wrote no limit.json"
		}
		q := pick(f.Limit)
		if q == nil {
			return 0, "no value was stable in the run and in the limit"
		}
		return float64(at(*q)), ""
	}}
}

func faultFigure(name string, pick func(kills, pauses, mute int) int) Figure {
	return Figure{Name: name, of: func(f Figures) (float64, string) {
		if f.Faults == nil {
			return 0, "the run wrote no faults.json"
		}
		return float64(pick(f.Faults.Kills, f.Faults.Pauses, len(f.Faults.Mute))), ""
	}}
}

func failoverFigure(name string, pick func(Failovers) int) Figure {
	return Figure{Name: name, of: func(f Figures) (float64, string) {
		if f.Failovers.Missing != "" {
			return 0, f.Failovers.Missing
		}
		return float64(pick(f.Failovers)), ""
	}}
}

// decimal is a float32 figure as the float64 its printed form names (the
// results map prints 1.7, so the figure is 1.7, not 1.7000000476837158):
// a bound is compared with what the run printed.
func decimal(x float32) float64 {
	d, _ := strconv.ParseFloat(strconv.FormatFloat(float64(x), 'g', -1, 32), 64)
	return d
}
