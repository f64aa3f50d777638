package summary

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"eddy/internal/analysis"
	"eddy/internal/checker"
)

// Text is the short summary eddy prints at the very end of a run, after
// the results map and the verdict: the verdict, the messages per
// operation, stable latency, the limit and the excess, the nodes' cost,
// eddy's own scheduling lag (with a warning when it is too large for the
// latency figures to stand), the network model's head-of-line waits (the
// usual reason for a long tail under an exponential latency) and the page
// to open. Each line starts with "eddy:" so it cannot be taken
// for part of the results map.
func (s Run) Text() string {
	var b strings.Builder
	line := func(name, format string, args ...any) {
		fmt.Fprintf(&b, "eddy: %-15s "+format+"\n", append([]any{name}, args...)...)
	}
	b.WriteString("eddy: summary\n")
	line("valid", "%s (stable %d, lost %d, never read %d of %d values)", s.Valid.YesNo(), s.Stable, s.Lost, s.NeverRead, s.Attempts)
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
	line("faults", "%s", faultsText(s.Faults))
	if s.Lag != nil {
		line("scheduling lag", "%s", lagText(*s.Lag))
		line("head-of-line", "%s", headOfLineText(s.Lag.HeadOfLine))
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

// Float32 renders a float the way the results map does, shortest form.
func Float32(f float32) string {
	return strconv.FormatFloat(float64(f), 'f', -1, 32)
}

// faultsText is the summary's faults line.
func faultsText(f analysis.Faults) string {
	mute := "none"
	if len(f.Mute) > 0 {
		mute = fmt.Sprintf("%d (%s)", len(f.Mute), strings.Join(f.Mute, " "))
	}
	return fmt.Sprintf("kill %d (%s), pause %d (%s), restart %d; mute %s",
		f.Kills, plural(f.KilledNodes, "node"), f.Pauses, plural(f.PausedNodes, "node"), f.Restarts, mute)
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// lagText is the summary's lag line: the quantiles and the verdict on them.
func lagText(l analysis.Lag) string {
	q := fmt.Sprintf("p50 %s, p99 %s", shortMillis(l.Deliveries.P50), shortMillis(l.Deliveries.P99))
	switch {
	case l.P99Limit == 0:
		return q + " (no limit at latency 0)"
	case l.Trusted:
		return fmt.Sprintf("%s (ok, limit %s)", q, shortMillis(l.P99Limit))
	}
	return fmt.Sprintf("%s WARNING: p99 over %s (%.0f %% of the latency), latency figures not to be trusted; is the machine busy?",
		q, shortMillis(l.P99Limit), analysis.LagTolerance*100)
}

// headOfLineText is the summary's head-of-line line: how long the
// network model itself held deliveries behind a message their node's loop
// slept on, and where the longest wait was.
func headOfLineText(h analysis.HeadOfLine) string {
	q := fmt.Sprintf("p99 %s, max %s", shortMillis(h.Waits.P99), shortMillis(h.Waits.Max))
	if h.LongestMember != "" {
		q += fmt.Sprintf(" (%s, due at %.3f s)", h.LongestMember, h.LongestDue.Seconds())
	}
	return q + ": the model's own waits, not lag"
}

// shortMillis renders a duration in milliseconds with two significant
// figures below 10 ms and whole milliseconds above.
func shortMillis(d time.Duration) string {
	ms := float64(d) / float64(time.Millisecond)
	if ms >= 10 {
		return fmt.Sprintf("%.0f ms", ms)
	}
	return fmt.Sprintf("%.2g ms", ms)
}
