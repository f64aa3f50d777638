package summary

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"eddy/internal/checker"
	"eddy/internal/history"
	"eddy/internal/limit"
	"eddy/internal/proc"
)

func ms(x int64) int64 { return x * int64(time.Millisecond) }

// run is a small valid history: value 1 from n0, missed by n1 just
// before one hop and again at 300 ms.
func run() history.History {
	var h history.History
	add := func(p int, t history.Type, f string, v history.Value, at int64) {
		h.Append(history.Op{Time: at, Type: t, Process: p, F: f, Value: v})
	}
	add(0, history.Invoke, history.FBroadcast, history.Element(1), 0)
	add(0, history.OK, history.FBroadcast, history.Element(1), 0)
	add(1, history.Invoke, history.FRead, nil, ms(100)-1)
	add(1, history.OK, history.FRead, history.ReadOf(), ms(100))
	add(1, history.Invoke, history.FRead, nil, ms(300))
	add(1, history.OK, history.FRead, history.ReadOf(), ms(301))
	add(1, history.Invoke, history.FRead, nil, ms(400))
	add(1, history.OK, history.FRead, history.ReadOf(1), ms(401))
	return h
}

func TestTextEndsARunWithTheFiguresThatMatter(t *testing.T) {
	h := run()
	results := checker.Check(h, checker.NetCounts{Servers: checker.NetGroup{SendCount: 6, RecvCount: 6, MsgCount: 6}}, checker.Options{})
	lim := limit.Compute(h, results.Workload, limit.Network{Nodes: []string{"n0", "n1"}, Concurrency: 2, Hop: 100 * time.Millisecond})
	verdict, _ := results.Verdict()
	cost := CostOf([]proc.Usage{{CPU: time.Second, PeakRSS: 4 << 20}, {CPU: 2 * time.Second, PeakRSS: 6 << 20}}, h)
	text := Of(results, verdict, &lim, cost, "store/broadcast/x/index.html").Text()
	for _, want := range []string{
		"eddy: valid           yes (stable 1, lost 0, never read 0 of 1 values)",
		"eddy: msgs-per-op     1.50 (servers)",
		"eddy: stable latency  median 300 ms, max 300 ms",
		"eddy: limit           0.5 100 ms, 0.95 100 ms, 1 100 ms (perfect broadcast, 100 ms per hop)",
		"eddy: excess          0.5 200 ms, 0.95 200 ms, 1 200 ms (actual - limit)",
		"eddy: node cost       cpu 3.00 s (750.000 s per 1000 ops), peak rss mean 5.0 MiB, max 6.0 MiB (2 nodes)",
		"eddy: page            store/broadcast/x/index.html",
	} {
		if !strings.Contains(text, want+"\n") {
			t.Errorf("summary lacks %q:\n%s", want, text)
		}
	}
	if !strings.HasPrefix(text, "eddy: summary\n") || strings.Count(text, "\n") != 8 {
		t.Errorf("summary is not the eight short lines expected:\n%s", text)
	}
}

func TestTextWithoutStableValuesOrCost(t *testing.T) {
	results := checker.Check(nil, checker.NetCounts{}, checker.Options{})
	text := Of(results, "", nil, nil, "").Text()
	for _, want := range []string{"valid           unknown", "msgs-per-op     - (no operations)", "stable latency  - (no stable values)"} {
		if !strings.Contains(text, want) {
			t.Errorf("summary lacks %q:\n%s", want, text)
		}
	}
	for _, absent := range []string{"limit", "node cost", "page"} {
		if strings.Contains(text, absent) {
			t.Errorf("summary shows %q with nothing to say:\n%s", absent, text)
		}
	}
}

func TestOfCopiesEveryChecker(t *testing.T) {
	results := checker.Check(run(), checker.NetCounts{}, checker.Options{Availability: "total"})
	s := Of(results, "", nil, nil, "")
	var names []string
	for _, c := range s.Checkers {
		names = append(names, c.Name)
	}
	if got := strings.Join(names, " "); got != "workload stats availability net exceptions perf timeline" {
		t.Errorf("checkers = %s", got)
	}
	if s.Ops.Count != 4 || s.Attempts != 1 || s.Stable != 1 || s.OKFraction != 1 {
		t.Errorf("figures = %+v", s)
	}
}

func TestCostJSONKeepsItsKeys(t *testing.T) {
	c := CostOf([]proc.Usage{{CPU: time.Second, PeakRSS: 1 << 20}}, run())
	var got map[string]float64
	if err := json.Unmarshal(c.JSON(), &got); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"nodes", "ops", "cpu_seconds", "cpu_seconds_per_1000_ops", "peak_rss_mean_mib", "peak_rss_max_mib"} {
		if _, ok := got[key]; !ok {
			t.Errorf("cost.json lacks %s: %v", key, got)
		}
	}
	if CostOf(nil, run()) != nil {
		t.Error("no usage should give no cost")
	}
}
