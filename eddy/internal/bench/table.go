package bench

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// WriteTable prints one row per scenario: validity, losses, and each
// figure as "median (min–max)" over the runs, with whether the scenario
// met its limits on every run.
func WriteTable(w io.Writer, scenarios []Scenario, sums []Summary) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "scenario\truns valid\tlost\tmsgs-per-op (:servers)\tmedian ms\tmax ms\texcess 0.5/0.95/1 ms\ttargets\tmet")
	for i, s := range sums {
		sc := scenarios[i]
		fmt.Fprintf(tw, "%s\t%d/%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n", sc.Name, s.Valid, s.Runs, s.Lost,
			spreadFloat(s.ServersMPO), spreadInt(s.MedianMS), spreadInt(s.MaxMS), excessText(s),
			sc.Limits, yesNo(s.Meets(sc.Limits)))
	}
	return tw.Flush()
}

// excessText is the median over runs of the excess at 0.5, 0.95 and 1
// (actual stable latency minus the limit eddy wrote in limit.json).
func excessText(s Summary) string {
	if s.ExcessRuns == 0 {
		return "—"
	}
	return fmt.Sprintf("%d/%d/%d", s.Excess[0].Median, s.Excess[1].Median, s.Excess[2].Median)
}

// String states the limits as the targets column shows them.
func (l Limits) String() string {
	var parts []string
	if l.ServersMPO > 0 {
		parts = append(parts, fmt.Sprintf("mpo<=%g", l.ServersMPO))
	}
	if l.MedianMS > 0 {
		parts = append(parts, fmt.Sprintf("median<=%d", l.MedianMS))
	}
	if l.MaxMS > 0 {
		parts = append(parts, fmt.Sprintf("max<=%d", l.MaxMS))
	}
	parts = append(parts, "valid, 0 lost")
	return strings.Join(parts, ", ")
}

func spreadFloat(s Spread[float64]) string {
	return fmt.Sprintf("%.2f (%.2f–%.2f)", s.Median, s.Min, s.Max)
}

func spreadInt(s Spread[int]) string {
	return fmt.Sprintf("%d (%d–%d)", s.Median, s.Min, s.Max)
}

func yesNo(ok bool) string {
	if ok {
		return "yes"
	}
	return "NO"
}
