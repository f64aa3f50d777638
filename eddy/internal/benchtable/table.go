// Package benchtable prints the benchmark commands' tables: a row per run
// with the median (and totals) below, the scale table of one row per node
// count, the verdicts, and the closing tally. It reads figures only
// through bench.Figure, so a figure a run lacks shows as "-".
package benchtable

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"eddy/internal/bench"
	"eddy/internal/checker"
)

// Legend explains the tables' columns; commands print it once, before the
// first table.
const Legend = `Columns: msgs/op is :servers msgs-per-op; actual, limit and excess are stable
latency at 0.5/0.95/1 in ms (limit: a perfect broadcast on the same run;
excess = actual - limit); cpu is the nodes' CPU seconds per 1000 client ops;
rss is the largest node's peak RSS in MiB; hol (runs with a latency that
varies) is the longest the network model held a due message behind one its
node's loop slept on (head-of-line blocking), in ms; k/p/mute (runs that kill or pause
nodes) counts kill ops, pause ops and the nodes whose output eddy stopped
reading; failovers (runs with partitions) is the node's hub failovers away
from a hub it could still hear, and which had heard the node's last message
to it (not dropped, by the network journal) / all its failovers, from its
stderr lines
"<RFC 3339 time> rumor: hub <old> -> <new>: failover" (0/0 when the node
writes none). "-" is a figure the run did not record. A median row, and each
row of the scale table, is every column's median over seeds, except valid
(the valid count), lost and failovers (totals).`

// WriteRuns prints one scenario: a heading with its command line, a row
// per run (in the order given), the median row, the seeds whose validity
// was not judged, and its verdicts indented below.
func WriteRuns(w io.Writer, sc bench.Scenario, runs []bench.Figures, verdicts []bench.Verdict) error {
	fmt.Fprintf(w, "%s: %s, %s\n  eddy test -w broadcast --bin <node> %s --seed <seed>\n\n", sc.Name, sc.Shape, Count(len(runs), "seed"), strings.Join(sc.Shape.Flags(), " "))
	cols := columnsOf(sc.Shape)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, cols.header("seed"))
	for _, r := range runs {
		fmt.Fprintln(tw, cols.run(strconv.FormatInt(r.Seed, 10), r))
	}
	fmt.Fprintln(tw, cols.median("median", runs))
	if err := tw.Flush(); err != nil {
		return err
	}
	if seeds := sc.NotJudged(runs); len(seeds) > 0 {
		list := make([]string, len(seeds))
		for i, s := range seeds {
			list[i] = strconv.FormatInt(s, 10)
		}
		noun := "seed"
		if len(seeds) > 1 {
			noun = "seeds"
		}
		fmt.Fprintf(w, "  no broadcast acknowledged: validity not judged on %s %s\n", noun, strings.Join(list, ", "))
	}
	fmt.Fprintln(w)
	return WriteVerdicts(w, []string{""}, [][]bench.Verdict{verdicts})
}

// WriteSizes prints one row per scenario, each the median over its runs,
// labelled by node count: the scale table.
func WriteSizes(w io.Writer, scs []bench.Scenario, runs [][]bench.Figures) error {
	cols := columns{}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, cols.header("nodes"))
	for i, sc := range scs {
		fmt.Fprintln(tw, cols.median(strconv.Itoa(sc.Shape.Nodes), runs[i]))
	}
	return tw.Flush()
}

// WriteVerdicts prints each group's verdicts under its name, one a line:
// "ok" or "MISSED", the target, and what the runs gave.
func WriteVerdicts(w io.Writer, names []string, groups [][]bench.Verdict) error {
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

// WriteTally prints the closing line, "<tool>: all n targets met", or
// which targets were missed, and reports whether all were met.
func WriteTally(w io.Writer, tool string, names []string, groups [][]bench.Verdict) bool {
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
func Count(n int, noun string) string { return plural(n, noun) }

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// columns says which optional columns a table has. hol shows only where
// the latency varies: under a constant one the longest wait is a client's
// request behind one hop, the same on every run.
type columns struct{ hol, faults, failovers bool }

func columnsOf(s bench.Shape) columns {
	return columns{hol: s.LatencyDist != "", faults: s.ProcessFaults(), failovers: s.Partitions()}
}

func (c columns) header(label string) string {
	h := label + "\tvalid\tlost\tmsgs/op\tactual\tlimit\texcess\tcpu\trss"
	if c.hol {
		h += "\thol"
	}
	if c.faults {
		h += "\tk/p/mute"
	}
	if c.failovers {
		h += "\tfailovers"
	}
	return h
}

// run renders one run's figures under header's columns.
func (c columns) run(label string, f bench.Figures) string {
	if f.Crashed() {
		return label + "\tcrashed" + strings.Repeat("\t-", c.width()-2)
	}
	one := func(fig bench.Figure) (float64, bool) {
		v, missing := fig.Of(f)
		return v, missing == ""
	}
	return c.cells(label, f.Valid().YesNo(), strconv.Itoa(f.Lost()), one, one)
}

// median renders the median over runs: the valid count and the total
// lost and failovers.
func (c columns) median(label string, runs []bench.Figures) string {
	valid, lost := 0, 0
	for _, r := range runs {
		if !r.Crashed() && r.Valid() == checker.True {
			valid++
		}
		lost += r.Lost()
	}
	med := func(fig bench.Figure) (float64, bool) { return bench.MedianOver(runs, fig) }
	total := func(fig bench.Figure) (float64, bool) { return bench.Total(runs, fig) }
	return c.cells(label, fmt.Sprintf("%d/%d", valid, len(runs)), strconv.Itoa(lost), med, total)
}

func (c columns) width() int {
	n := 9
	if c.hol {
		n++
	}
	if c.faults {
		n++
	}
	if c.failovers {
		n++
	}
	return n
}

// cells renders a row: of reads each figure (a run's, or the median),
// sum the failover columns (a run's, or the total).
func (c columns) cells(label, valid, lost string, of, sum func(bench.Figure) (float64, bool)) string {
	num := func(fig bench.Figure, format string) string {
		if v, ok := of(fig); ok {
			return fmt.Sprintf(format, v)
		}
		return "-"
	}
	points := func(figs ...bench.Figure) string {
		var parts []string
		for _, fig := range figs {
			v, ok := of(fig)
			if !ok {
				return "-"
			}
			parts = append(parts, strconv.FormatFloat(v, 'f', 0, 64))
		}
		return strings.Join(parts, "/")
	}
	cells := []string{label, valid, lost, num(bench.MsgsPerOp, "%.2f"),
		points(bench.Actual50, bench.Actual95, bench.Actual100),
		points(bench.Limit50, bench.Limit95, bench.Limit100),
		points(bench.Excess50, bench.Excess95, bench.Excess100),
		num(bench.CPU, "%.2f"), num(bench.RSS, "%.1f")}
	if c.hol {
		cells = append(cells, num(bench.HeadOfLine, "%.0f"))
	}
	if c.faults {
		cells = append(cells, points(bench.Kills, bench.Pauses, bench.Mute))
	}
	if c.failovers {
		reach, ok1 := sum(bench.ReachableFailovers)
		all, ok2 := sum(bench.AllFailovers)
		cell := "-"
		if ok1 && ok2 {
			cell = fmt.Sprintf("%.0f/%.0f", reach, all)
		}
		cells = append(cells, cell)
	}
	return strings.Join(cells, "\t")
}
