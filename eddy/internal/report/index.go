package report

import (
	"bytes"
	"cmp"
	_ "embed"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"eddy/internal/checker"
	"eddy/internal/history"
	"eddy/internal/summary"
)

//go:embed index.html.tmpl
var indexSource string

var indexTemplate = template.Must(template.New("index").Parse(indexSource))

// row is one line of a figures table.
type row struct{ Name, Value, Class string }

// limitRow is one quantile of stable latency: the run, the limit and the
// excess, in ms ("—" where there is no figure).
type limitRow struct{ Point, Actual, Limit, Excess string }

// picture is one image on the page; Width and Height are its pixels, 0
// for the house size (960×384).
type picture struct {
	File, Title, Caption string
	Width, Height        int
}

// link is one file of the run directory.
type link struct{ Href, Name, Size, Note string }

// indexPage is everything the template shows.
type indexPage struct {
	Run, Parameters, Verdict, Class string
	Latency                         []limitRow
	Hop                             string // the limit's hop, "" without a limit
	LimitCounts                     string // the limit's own set-full counts
	Checkers                        []row
	Figures                         []row
	Propagation                     []row
	ReadGap                         string // typical time between reads on one node
	Partitions                      []partitionRow
	Faults                          []faultRow
	Plots                           []picture
	Diagram                         *picture
	Files                           []link
	StoreSize, BigFiles             string
	Gzipped                         bool
	ResultsEDN                      string
}

type partitionRow struct{ From, To, Spec, Grudge string }

// faultRow is one kill (to the next start) or pause (to the next resume).
type faultRow struct{ From, To, Kind, Target, Nodes, Class string }

// pictures in page order, with what each shows.
var plotPictures = []picture{
	{File: "limit.png", Width: 720, Height: 576, Title: "Each value against the limit",
		Caption: "One dot per value that is stable both in the run and in the limit: along x its stable latency under a perfect broadcast on this run (same broadcasts, reads, acknowledgements and partitions), along y its actual stable latency. On the dashed line a value was as fast as the network allowed; the height above the line is its excess."},
	{File: "latency-raw.png", Title: "Latency of every operation",
		Caption: "Each client operation at its invocation time: triangles are broadcasts, circles reads; blue ok, orange info (indeterminate), red fail. Bands are nemesis faults: grey partitions, red kills (kill to start), blue pauses (pause to resume)."},
	{File: "latency-quantiles.png", Title: "Latency quantiles",
		Caption: "Median, 95th, 99th percentile and maximum latency of the operations invoked in each window, solid for broadcasts, dashed for reads. With fewer than 20 operations in a window the 95th and 99th percentiles are the maximum and hide under its line."},
	{File: "rate.png", Title: "Throughput",
		Caption: "Operations completed per second in each window, by kind and outcome."},
	{File: "propagation.png", Title: "Propagation (seen through reads)",
		Caption: "Not a latency. For each broadcast value, at its invocation time: how long until every node had been seen holding it. A node is seen holding a value only when it acknowledges the broadcast or returns the value from a read, so this measures the read schedule as much as the network: the dot is the completion of the last such first sighting, the bar reaches down to the latest read invocation that proved some node still lacked it, and the true moment lies on the bar."},
}

// writeIndex renders index.html, showing the pictures in written.
func writeIndex(in *Input, parts []partition, faults []processFault, ops []clientOp, spreadList []spread, written map[string]bool) error {
	s := in.Run
	page := indexPage{
		Run:        filepath.Base(in.Dir),
		Parameters: in.Parameters,
		Verdict:    s.Verdict,
		Class:      validityClass(s.Valid),
		Latency:    latencyRows(s),
		Checkers:   checkerRows(s),
		Figures:    figureRows(s),
		ResultsEDN: in.ResultsEDN,
	}
	if l := s.Limit; l != nil {
		page.Hop = millis(l.Hop.Microseconds())
		w := l.Workload
		page.LimitCounts = fmt.Sprintf("%d stable, %d lost, %d never read", w.StableCount, w.LostCount, w.NeverReadCount)
	}
	for _, p := range parts {
		page.Partitions = append(page.Partitions, partitionRow{
			From: roundedDuration(p.Start), To: roundedDuration(p.End), Spec: p.Spec, Grudge: p.Grudge,
		})
	}
	for _, f := range faults {
		row := faultRow{From: roundedDuration(f.Start), To: roundedDuration(f.End), Kind: "kill", Target: f.Target, Nodes: strings.Join(f.Nodes, " "), Class: "kill"}
		if f.F == history.FPause {
			row.Kind, row.Class = "pause", "pause"
		}
		page.Faults = append(page.Faults, row)
	}
	page.Propagation = propagationRows(spreadList)
	if gap := readGap(ops); gap > 0 {
		page.ReadGap = roundedDuration(gap)
	}
	for _, p := range plotPictures {
		if written[p.File] {
			if p.Width == 0 {
				p.Width, p.Height = 960, 384
			}
			page.Plots = append(page.Plots, p)
		}
	}
	if written["messages.svg"] {
		page.Diagram = &picture{File: "messages.svg", Title: "Messages (Lamport diagram)"}
	}
	page.Files, page.StoreSize, page.BigFiles = runFiles(in.Dir, in.Gzip)
	page.Gzipped = in.Gzip
	var buf bytes.Buffer
	if err := indexTemplate.Execute(&buf, page); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(in.Dir, "index.html"), buf.Bytes(), 0o644)
}

// validityClass is a verdict as a CSS class: valid, invalid or unknown.
func validityClass(v checker.Validity) string {
	switch v {
	case checker.True:
		return "valid"
	case checker.False:
		return "invalid"
	}
	return "unknown"
}

// latencyRows put the run's stable-latency quantiles beside the limit's
// and the excess.
func latencyRows(s summary.Run) []limitRow {
	var lim, excess *checker.Quantiles
	if s.Limit != nil {
		lim, excess = s.Limit.Limit, s.Limit.Excess
	}
	points := []struct {
		name string
		at   func(*checker.Quantiles) int64
	}{
		{"0", func(q *checker.Quantiles) int64 { return q.Min }},
		{"0.5", func(q *checker.Quantiles) int64 { return q.Median }},
		{"0.95", func(q *checker.Quantiles) int64 { return q.P95 }},
		{"0.99", func(q *checker.Quantiles) int64 { return q.P99 }},
		{"1", func(q *checker.Quantiles) int64 { return q.Max }},
	}
	cell := func(q *checker.Quantiles, at func(*checker.Quantiles) int64) string {
		if q == nil {
			return "—"
		}
		return fmt.Sprint(at(q))
	}
	rows := make([]limitRow, len(points))
	for i, p := range points {
		rows[i] = limitRow{Point: p.name, Actual: cell(s.StableLatencies, p.at), Limit: cell(lim, p.at), Excess: cell(excess, p.at)}
	}
	return rows
}

func checkerRows(s summary.Run) []row {
	rows := make([]row, len(s.Checkers))
	for i, c := range s.Checkers {
		value := c.Valid.String()
		if c.Error != "" {
			value += " (" + c.Error + ")"
		}
		rows[i] = row{Name: c.Name, Value: value, Class: validityClass(c.Valid)}
	}
	return rows
}

func figureRows(s summary.Run) []row {
	msgs := func(f float32) string {
		if !s.HasMsgsPerOp {
			return "—"
		}
		return summary.Float32(f)
	}
	rows := []row{
		{Name: "messages per op, servers", Value: msgs(s.MsgsPerOpServers)},
		{Name: "messages per op, all", Value: msgs(s.MsgsPerOpAll)},
		{Name: "operations (ok / info / fail)", Value: fmt.Sprintf("%d (%d / %d / %d)", s.Ops.Count, s.Ops.OKCount, s.Ops.InfoCount, s.Ops.FailCount)},
		{Name: "broadcasts attempted", Value: itoa(s.Attempts)},
		{Name: "stable / lost / never read", Value: fmt.Sprintf("%d / %d / %d", s.Stable, s.Lost, s.NeverRead)},
		{Name: "stale", Value: itoa(s.Stale)},
		{Name: "availability (ok fraction)", Value: summary.Float32(s.OKFraction)},
		{Name: "server messages sent / delivered", Value: fmt.Sprintf("%d / %d", s.ServerSends, s.ServerRecvs)},
	}
	if s.Lost > 0 {
		rows[4].Class = "invalid"
	}
	f := s.Faults
	rows = append(rows, row{Name: "kills / pauses (nodes)", Value: fmt.Sprintf("%d (%d) / %d (%d)", f.Kills, f.KilledNodes, f.Pauses, f.PausedNodes)},
		row{Name: "restarts", Value: itoa(f.Restarts)})
	if len(f.Mute) > 0 {
		rows = append(rows, row{Name: "mute nodes (output no longer read)", Value: strings.Join(f.Mute, " "), Class: "invalid"})
	} else {
		rows = append(rows, row{Name: "mute nodes (output no longer read)", Value: "none"})
	}
	if q := s.LostLatencies; q != nil {
		rows = append(rows, row{Name: "lost latency 0.5 / 1 (ms)", Value: fmt.Sprintf("%d / %d", q.Median, q.Max)})
	}
	if c := s.Cost; c != nil {
		rows = append(rows,
			row{Name: "node CPU", Value: fmt.Sprintf("%.2f s (%.3f s per 1000 ops)", c.CPUSeconds, c.CPUPer1000Ops)},
			row{Name: "node peak RSS mean / max", Value: fmt.Sprintf("%.1f / %.1f MiB", c.PeakRSSMeanMiB, c.PeakRSSMaxMiB)})
	}
	return rows
}

// propagationRows summarise the propagation plot.
func propagationRows(all []spread) []row {
	var his []int64
	missing := 0
	for _, s := range all {
		if s.Everywhere {
			his = append(his, s.Hi)
		} else {
			missing++
		}
	}
	rows := []row{{Name: "values seen on every node", Value: itoa(len(his)) + " of " + itoa(len(all))}}
	if missing > 0 {
		rows[0].Class = "invalid"
	}
	if len(his) > 0 {
		slices.Sort(his)
		for _, q := range []float64{0.5, 0.95, 1} {
			rows = append(rows, row{Name: "seen everywhere within, " + trimFloat(q), Value: roundedDuration(quantile(his, q))})
		}
	}
	return rows
}

// readGap is the median time between consecutive read invocations on the
// same node: how often the history looks into a node, which bounds how
// precisely propagation can be seen. 0 if no node was read twice.
func readGap(ops []clientOp) int64 {
	last := map[string]int64{}
	var gaps []int64
	reads := slices.Clone(ops)
	slices.SortStableFunc(reads, func(a, b clientOp) int { return cmp.Compare(a.Invoke, b.Invoke) })
	for _, op := range reads {
		if op.F != history.FRead || op.Node == "" {
			continue
		}
		if t, ok := last[op.Node]; ok {
			gaps = append(gaps, op.Invoke-t)
		}
		last[op.Node] = op.Invoke
	}
	if len(gaps) == 0 {
		return 0
	}
	slices.Sort(gaps)
	return gaps[len(gaps)/2]
}

// millis renders microseconds as milliseconds without trailing zeros.
func millis(us int64) string { return trimFloat(float64(us)/1000) + " ms" }
