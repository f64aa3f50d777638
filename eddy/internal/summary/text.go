package summary

import (
	"fmt"
	"strconv"
	"strings"

	"eddy/internal/checker"
)

// Text is the short summary eddy prints at the very end of a run, after
// the results map and the verdict: the verdict, the messages per
// operation, stable latency, the limit and the excess, the nodes' cost,
// eddy's own scheduling lag (with a warning when it is too large for the
// latency figures to stand) and the page to open. Each line starts with "eddy:" so it cannot be taken
// for part of the results map.
func (s Run) Text() string {
	var b strings.Builder
	line := func(name, format string, args ...any) {
		fmt.Fprintf(&b, "eddy: %-15s "+format+"\n", append([]any{name}, args...)...)
	}
	b.WriteString("eddy: summary\n")
	line("valid", "%s (stable %d, lost %d, never read %d of %d values)", verdictWord(s.Valid), s.Stable, s.Lost, s.NeverRead, s.Attempts)
	if s.HasMsgsPerOp {
		line("msgs-per-op", "%.2f (servers)", s.MsgsPerOpServers)
	} else {
		line("msgs-per-op", "- (no operations)")
	}
	if q := s.StableLatencies; q != nil {
		line("stable latency", "median %d ms, max %d ms", q.Median, q.Max)
	} else {
		line("stable latency", "- (no stable values)")
	}
	if l := s.Limit; l != nil && l.Limit != nil {
		line("limit", "%s (perfect broadcast, %s per hop)", points(l.Limit), millis(l.Hop.Microseconds()))
		if l.Excess != nil {
			line("excess", "%s (actual - limit)", points(l.Excess))
		}
	}
	if c := s.Cost; c != nil {
		line("node cost", "cpu %.2f s (%.3f s per 1000 ops), peak rss mean %.1f MiB, max %.1f MiB (%d nodes)",
			c.CPUSeconds, c.CPUPer1000Ops, c.PeakRSSMeanMiB, c.PeakRSSMaxMiB, c.Nodes)
	}
	line("faults", "%s", s.Faults.text())
	if s.Lag != nil {
		line("scheduling lag", "%s", s.Lag.text())
	}
	if s.Page != "" {
		line("page", "%s", s.Page)
	}
	return b.String()
}

// points renders the 0.5, 0.95 and 1 points of a distribution.
func points(q *checker.Quantiles) string {
	return fmt.Sprintf("0.5 %d ms, 0.95 %d ms, 1 %d ms", q.Median, q.P95, q.Max)
}

// millis renders microseconds as milliseconds without trailing zeros.
func millis(us int64) string {
	return strconv.FormatFloat(float64(us)/1000, 'f', -1, 64) + " ms"
}

// verdictWord is how a verdict reads in prose.
func verdictWord(v checker.Validity) string {
	switch v {
	case checker.True:
		return "yes"
	case checker.False:
		return "NO"
	}
	return "unknown"
}

// Float32 renders a float the way the results map does, shortest form.
func Float32(f float32) string {
	return strconv.FormatFloat(float64(f), 'f', -1, 32)
}
