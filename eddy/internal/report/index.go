package report

import (
	"bytes"
	_ "embed"
	"html/template"
	"os"
	"path/filepath"
	"slices"
)

//go:embed index.html.tmpl
var indexSource string

var indexTemplate = template.Must(template.New("index").Parse(indexSource))

// row is one line of a figures table.
type row struct{ Name, Value, Class string }

// picture is one image on the page.
type picture struct{ File, Title, Caption string }

// link is one file of the run directory.
type link struct{ Href, Name, Note string }

// indexPage is everything the template shows.
type indexPage struct {
	Run, Summary, Verdict, Class string
	Checkers                     []row
	Figures                      []row
	Propagation                  []row
	Partitions                   []partitionRow
	Plots                        []picture
	Diagram                      *picture
	Files                        []link
	ResultsEDN                   string
}

type partitionRow struct{ From, To, Spec, Grudge string }

// pictures in page order, with what each shows.
var plotPictures = []picture{
	{"latency-raw.png", "Latency of every operation",
		"Each client operation at its invocation time: triangles are broadcasts, circles reads; blue ok, orange info (indeterminate), red fail. Grey bands are partitions."},
	{"latency-quantiles.png", "Latency quantiles",
		"Median, 95th, 99th percentile and maximum latency of the operations invoked in each window, solid for broadcasts, dashed for reads. With fewer than 20 operations in a window the 95th and 99th percentiles are the maximum and hide under its line."},
	{"rate.png", "Throughput",
		"Operations completed per second in each window, by kind and outcome."},
	{"propagation.png", "Propagation",
		"For each broadcast value, at its invocation time: how long until every node had been seen holding it. A node is seen holding a value when it acknowledges the broadcast or returns the value from a read; the dot is the completion of the last such first sighting, the bar reaches down to the latest read invocation that proved some node still lacked it, so the true moment lies on the bar. Reads are the only window into a node, so the resolution is the read interval per node."},
}

// writeIndex renders index.html, showing the pictures in written.
func writeIndex(in *Input, parts []partition, spreadList []spread, written map[string]bool) error {
	f := parseFigures(in.Results)
	page := indexPage{
		Run:        filepath.Base(in.Dir),
		Summary:    in.Summary,
		Verdict:    in.Verdict,
		Class:      validity(f.get("valid?")),
		Checkers:   checkerRows(f),
		Figures:    figureRows(f),
		ResultsEDN: in.ResultsEDN,
	}
	for _, p := range parts {
		page.Partitions = append(page.Partitions, partitionRow{
			From: roundedDuration(p.Start), To: roundedDuration(p.End), Spec: p.Spec, Grudge: p.Grudge,
		})
	}
	page.Propagation = propagationRows(spreadList)
	for _, p := range plotPictures {
		if written[p.File] {
			page.Plots = append(page.Plots, p)
		}
	}
	if written["messages.svg"] {
		page.Diagram = &picture{File: "messages.svg", Title: "Messages (Lamport diagram)"}
	}
	page.Files = runFiles(in.Dir)
	var buf bytes.Buffer
	if err := indexTemplate.Execute(&buf, page); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(in.Dir, "index.html"), buf.Bytes(), 0o644)
}

func checkerRows(f figures) []row {
	var rows []row
	for _, k := range []string{"workload", "stats", "availability", "net", "exceptions", "perf", "timeline"} {
		v := f.get(k, "valid?")
		rows = append(rows, row{Name: k, Value: f.str(k, "valid?"), Class: validity(v)})
	}
	return rows
}

func figureRows(f figures) []row {
	rows := []row{
		{Name: "operations (ok / info / fail)", Value: f.str("stats", "count") + " (" + f.str("stats", "ok-count") + " / " + f.str("stats", "info-count") + " / " + f.str("stats", "fail-count") + ")"},
		{Name: "broadcasts attempted", Value: f.str("workload", "attempt-count")},
		{Name: "stable / lost / never read", Value: f.str("workload", "stable-count") + " / " + f.str("workload", "lost-count") + " / " + f.str("workload", "never-read-count")},
		{Name: "stale", Value: f.str("workload", "stale-count")},
		{Name: "availability (ok fraction)", Value: f.str("availability", "ok-fraction")},
		{Name: "messages per op, all", Value: f.str("net", "all", "msgs-per-op")},
		{Name: "messages per op, servers", Value: f.str("net", "servers", "msgs-per-op")},
		{Name: "server messages sent / delivered", Value: f.str("net", "servers", "send-count") + " / " + f.str("net", "servers", "recv-count")},
	}
	for _, k := range []string{"stable-latencies", "lost-latencies"} {
		if f.get("workload", k) == nil {
			continue
		}
		for _, q := range []string{"0", "0.5", "0.95", "0.99", "1"} {
			rows = append(rows, row{Name: k + " " + q + " (ms)", Value: f.str("workload", k, q)})
		}
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
			rows = append(rows, row{Name: "propagation " + trimFloat(q) + " (s, upper bound)", Value: roundedDuration(quantile(his, q))})
		}
	}
	return rows
}

// fileNotes say what the run directory's usual files hold.
var fileNotes = map[string]string{
	"results.edn": "the results map, as printed", "results.json": "every figure, as JSON",
	"history.txt": "one op per line", "history.edn": "one op per line, EDN",
	"jepsen.log": "the console log", "net-journal.jsonl": "every network event",
	"lag.json": "eddy's scheduling lag", "cost.json": "the nodes' CPU time and memory",
	"messages.svg": "the Lamport diagram, full size",
}

// runFiles lists every file of the run directory but the page itself, and
// the node logs.
func runFiles(dir string) []link {
	var out []link
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if name := e.Name(); e.Type().IsRegular() && name != "index.html" {
			out = append(out, link{Href: name, Name: name, Note: fileNotes[name]})
		}
	}
	logs, _ := filepath.Glob(filepath.Join(dir, "node-logs", "*.log"))
	for _, l := range logs {
		name := "node-logs/" + filepath.Base(l)
		out = append(out, link{Href: name, Name: name, Note: "node stderr"})
	}
	return out
}
