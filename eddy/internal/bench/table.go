package bench

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
)

// Legend explains the tables' columns; commands print it once, before
// the first table.
const Legend = `Columns: msgs/op is :servers msgs-per-op; actual, limit and excess are stable
latency at 0.5/0.95/1 in ms (limit: a perfect broadcast on the same run;
excess = actual - limit); cpu is the nodes' CPU seconds per 1000 client ops;
rss is the largest node's peak RSS in MiB; k/p/mute (runs that kill or pause
nodes) counts kill ops, pause ops and the nodes whose output eddy stopped
reading. A median row, and each row of the scale table, is every column's
median over seeds.`

// WriteRuns prints one scenario: a heading with its command line, a row
// per run (in the order given), the median row, and its verdicts indented
// below.
func WriteRuns(w io.Writer, sc Scenario, runs []Figures, verdicts []Verdict) error {
	fmt.Fprintf(w, "%s: %s, %s\n  eddy test -w broadcast --bin <node> %s --seed <seed>\n\n", sc.Name, sc.Shape, Count(len(runs), "seed"), strings.Join(sc.Shape.Flags(), " "))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	faults := sc.Shape.ProcessFaults()
	fmt.Fprintln(tw, header("seed", faults))
	for _, r := range runs {
		fmt.Fprintln(tw, row(strconv.FormatInt(r.Seed, 10), verdictWord(r.Valid), r.Lost, r, faults))
	}
	fmt.Fprintln(tw, medianRow("median", runs, faults))
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	return WriteVerdicts(w, []string{""}, [][]Verdict{verdicts})
}

// WriteSizes prints one row per scenario, each the median over its runs,
// labelled by node count: the scale table.
func WriteSizes(w io.Writer, scs []Scenario, runs [][]Figures) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, header("nodes", false))
	for i, sc := range scs {
		fmt.Fprintln(tw, medianRow(strconv.Itoa(sc.Shape.Nodes), runs[i], false))
	}
	return tw.Flush()
}

// WriteVerdicts prints each group's verdicts under its name, one a line:
// "ok" or "MISSED", the target, and what the runs gave.
func WriteVerdicts(w io.Writer, names []string, groups [][]Verdict) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for i, vs := range groups {
		for _, v := range vs {
			mark := "ok"
			if !v.Met {
				mark = "MISSED"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", names[i], mark, v.Target, v.Got)
		}
	}
	return tw.Flush()
}

// header names the columns; faults adds the k/p/mute column.
func header(label string, faults bool) string {
	h := label + "\tvalid\tlost\tmsgs/op\tactual\tlimit\texcess\tcpu\trss"
	if faults {
		h += "\tk/p/mute"
	}
	return h
}

// row renders one run's figures under header's columns.
func row(label, valid string, lost int, f Figures, faults bool) string {
	if !f.HasResults() {
		r := label + "\t" + Crashed + "\t-\t-\t-\t-\t-\t-\t-"
		if faults {
			r += "\t-"
		}
		return r
	}
	cpu, rss := "-", "-"
	if f.Cost != nil {
		cpu, rss = fmt.Sprintf("%.2f", f.Cost.CPUPer1000Ops), fmt.Sprintf("%.1f", f.Cost.PeakRSSMaxMiB)
	}
	actual := Points{MedianMS: f.MedianMS, P95MS: f.P95MS, MaxMS: f.MaxMS}
	r := fmt.Sprintf("%s\t%s\t%d\t%.2f\t%s\t%s\t%s\t%s\t%s", label, valid, lost, f.ServersMPO,
		actual.text(), f.Limit.text(), f.Excess.text(), cpu, rss)
	if faults {
		r += "\t" + f.Faults.text()
	}
	return r
}

// text renders kills/pauses/mute nodes, or "-" when the run wrote no
// faults.json.
func (f *Faults) text() string {
	if f == nil {
		return "-"
	}
	return fmt.Sprintf("%d/%d/%d", f.Kills, f.Pauses, len(f.Mute))
}

// medianRow renders the median over runs, with the valid count and the
// total lost.
func medianRow(label string, runs []Figures, faults bool) string {
	valid, lost := 0, 0
	for _, r := range runs {
		if r.Valid == "true" {
			valid++
		}
		lost += r.Lost
	}
	return row(label, fmt.Sprintf("%d/%d", valid, len(runs)), lost, MedianFigures(runs), faults)
}

// text renders the three points as 0.5/0.95/1, or "-" when absent.
func (p *Points) text() string {
	if p == nil {
		return "-"
	}
	return fmt.Sprintf("%d/%d/%d", p.MedianMS, p.P95MS, p.MaxMS)
}

// verdictWord is how one run's :valid? reads in a row.
func verdictWord(valid string) string {
	switch valid {
	case "true":
		return "yes"
	case "false":
		return "NO"
	}
	return valid
}

// WriteTally prints the closing line, "<tool>: all n targets met", or
// which targets were missed, and reports whether all were met.
func WriteTally(w io.Writer, tool string, names []string, groups [][]Verdict) bool {
	total := 0
	var missed []string
	for i, vs := range groups {
		total += len(vs)
		for _, v := range vs {
			if !v.Met {
				missed = append(missed, names[i]+": "+v.Target)
			}
		}
	}
	if len(missed) == 0 {
		fmt.Fprintf(w, "%s: all %s met\n", tool, Count(total, "target"))
		return true
	}
	fmt.Fprintf(w, "%s: %d of %d targets MISSED:\n  %s\n", tool, len(missed), total, strings.Join(missed, "\n  "))
	return false
}

// Count is "1 seed", "2 seeds": n and the noun, plural unless n is 1.
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
