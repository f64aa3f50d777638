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
	lag := LagOf(80*time.Microsecond, 1900*time.Microsecond, 100*time.Millisecond)
	text := Of(results, verdict, &lim, cost, &lag, "store/broadcast/x/index.html").Text()
	for _, want := range []string{
		"eddy: valid           yes (stable 1, lost 0, never read 0 of 1 values)",
		"eddy: msgs-per-op     1.50 (servers)",
		"eddy: stable latency  median 300 ms, max 300 ms",
		"eddy: limit           0.5 100 ms, 0.95 100 ms, 1 100 ms (perfect broadcast, 100 ms per hop)",
		"eddy: excess          0.5 200 ms, 0.95 200 ms, 1 200 ms (actual - limit)",
		"eddy: node cost       cpu 3.00 s (750.000 s per 1000 ops), peak rss mean 5.0 MiB, max 6.0 MiB (2 nodes)",
		"eddy: faults          kill 0 (0 nodes), pause 0 (0 nodes), restart 0; mute none",
		"eddy: scheduling lag  p50 0.08 ms, p99 1.9 ms (ok, limit 5 ms)",
		"eddy: page            store/broadcast/x/index.html",
	} {
		if !strings.Contains(text, want+"\n") {
			t.Errorf("summary lacks %q:\n%s", want, text)
		}
	}
	if !strings.HasPrefix(text, "eddy: summary\n") || strings.Count(text, "\n") != 10 {
		t.Errorf("summary is not the ten short lines expected:\n%s", text)
	}
}

func TestTextWithoutStableValuesOrCost(t *testing.T) {
	results := checker.Check(nil, checker.NetCounts{}, checker.Options{})
	text := Of(results, "", nil, nil, nil, "").Text()
	for _, want := range []string{"valid           unknown", "msgs-per-op     - (no operations)", "stable latency  - (no stable values)"} {
		if !strings.Contains(text, want) {
			t.Errorf("summary lacks %q:\n%s", want, text)
		}
	}
	for _, absent := range []string{"limit", "node cost", "lag", "page"} {
		if strings.Contains(text, absent) {
			t.Errorf("summary shows %q with nothing to say:\n%s", absent, text)
		}
	}
}

func TestLagLineWarnsOverFivePercentOfTheLatency(t *testing.T) {
	for _, c := range []struct {
		lag  Lag
		want string
	}{
		{LagOf(300*time.Microsecond, 5*time.Millisecond, 100*time.Millisecond), "p50 0.3 ms, p99 5 ms (ok, limit 5 ms)"},
		{LagOf(900*time.Microsecond, 12400*time.Microsecond, 100*time.Millisecond),
			"p50 0.9 ms, p99 12 ms WARNING: p99 over 5 ms (5 % of the latency), latency figures not to be trusted; is the machine busy?"},
		{LagOf(time.Millisecond, time.Second, 0), "p50 1 ms, p99 1000 ms (no limit at latency 0)"},
	} {
		if got := c.lag.text(); got != c.want {
			t.Errorf("got  %q\nwant %q", got, c.want)
		}
	}
}

func TestOfCopiesEveryChecker(t *testing.T) {
	results := checker.Check(run(), checker.NetCounts{}, checker.Options{Availability: "total"})
	s := Of(results, "", nil, nil, nil, "")
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

func TestFaultsCountKillsPausesRestartsAndNameTheMuteNodes(t *testing.T) {
	var h history.History
	nem := func(f string, v history.Value) {
		h.Append(history.Op{Type: history.Info, Process: history.NemesisProcess, F: f, Value: v})
	}
	outcomes := func(of map[string]string) history.Outcomes { return history.Outcomes{Of: of} }
	nem(history.FKill, history.EDN(":majority"))
	nem(history.FKill, outcomes(map[string]string{"n0": history.Killed, "n2": history.Killed}))
	nem(history.FPause, nil)
	nem(history.FPause, outcomes(map[string]string{"n1": history.Paused, "n0": history.NotRunning}))
	nem(history.FStart, history.EDN(":all"))
	nem(history.FStart, outcomes(map[string]string{"n0": history.Started, "n1": history.AlreadyRunning, "n2": history.Started}))
	nem(history.FKill, history.EDN(":one"))
	nem(history.FKill, outcomes(map[string]string{"n1": history.Killed}))
	// A start whose init failed: an error, no outcomes.
	nem(history.FStart, history.EDN(":all"))
	nem(history.FStart, history.EDN(":all"))
	f := FaultsOf(h, []string{"n1", "n2"})
	if f.Kills != 2 || f.KilledNodes != 3 || f.Pauses != 1 || f.PausedNodes != 1 || f.Restarts != 2 {
		t.Errorf("faults %+v", f)
	}
	if got := f.text(); got != "kill 2 (3 nodes), pause 1 (1 node), restart 2; mute 2 (n1 n2)" {
		t.Errorf("text %q", got)
	}
	if raw := string(f.JSON()); !strings.Contains(raw, `"mute": [`) || !strings.Contains(raw, `"killed-nodes": 3`) {
		t.Errorf("faults.json %s", raw)
	}
	if raw := string(FaultsOf(nil, nil).JSON()); !strings.Contains(raw, `"mute": []`) {
		t.Errorf("no mute node must still be a list: %s", raw)
	}
}
