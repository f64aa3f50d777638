package summary

import (
	"strings"
	"testing"
	"time"

	"eddy/internal/analysis"
	"eddy/internal/checker"
	"eddy/internal/history"
	"eddy/internal/netsim"
	"eddy/internal/proc"
)

func ms(x int64) int64 { return x * int64(time.Millisecond) }

// run is a small valid history: value 1 from n0, missed by n1 just
// before one hop and again at 300 ms.
func run() history.History {
	var h history.History
	add := func(p int, t history.Type, f string, v history.Value, at int64) {
		h.Append(history.Op{Time: at, Type: t, Process: p, Node: []string{"n0", "n1"}[p%2], F: f, Value: v})
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

func analysed(h history.History, usages []proc.Usage, lag netsim.LagSamples) analysis.Run {
	return analysis.Analyse(analysis.Input{
		History: h,
		Net:     netsim.Counts{Servers: netsim.Group{SendCount: 6, RecvCount: 6, MsgCount: 6}},
		Lag:     lag,
		Nodes:   []string{"n0", "n1"},
		Latency: netsim.Latency{MeanMillis: 100, Dist: netsim.Constant},
		Usages:  usages,
	})
}

func TestTextEndsARunWithTheFiguresThatMatter(t *testing.T) {
	lag := netsim.LagSamples{Deliveries: []time.Duration{80 * time.Microsecond, 80 * time.Microsecond, 1900 * time.Microsecond}}
	a := analysed(run(), []proc.Usage{{CPU: time.Second, PeakRSS: 4 << 20}, {CPU: 2 * time.Second, PeakRSS: 6 << 20}}, lag)
	text := Of(&a, "store/broadcast/x/index.html").Text()
	for _, want := range []string{
		"eddy: valid           yes (stable 1, lost 0, never read 0 of 1 values)",
		"eddy: msgs-per-op     1.50 (servers)",
		"eddy: stable latency  median 300 ms, max 300 ms",
		"eddy: limit           0.5 100 ms, 0.95 100 ms, 1 100 ms (perfect broadcast, 100 ms per hop)",
		"eddy: excess          0.5 200 ms, 0.95 200 ms, 1 200 ms (actual - limit)",
		"eddy: node cost       cpu 3.00 s (750.000 s per 1000 ops), peak rss mean 5.0 MiB, max 6.0 MiB (2 nodes)",
		"eddy: faults          kill 0 (0 nodes), pause 0 (0 nodes), restart 0; mute none",
		"eddy: scheduling lag  p50 0.08 ms, p99 1.9 ms (ok, limit 5 ms)",
		"eddy: head-of-line    p99 0 ms, max 0 ms: the model's own waits, not lag",
		"eddy: page            store/broadcast/x/index.html",
	} {
		if !strings.Contains(text, want+"\n") {
			t.Errorf("summary lacks %q:\n%s", want, text)
		}
	}
	if !strings.HasPrefix(text, "eddy: summary\n") || strings.Count(text, "\n") != 11 {
		t.Errorf("summary is not the eleven short lines expected:\n%s", text)
	}
}

func TestTextWithoutStableValuesOrCost(t *testing.T) {
	text := ofResults(checker.Check(nil, checker.NetCounts{}, checker.Options{})).Text()
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
	lag := func(p50, p99 time.Duration, latency time.Duration) analysis.Lag {
		return analysis.LagOf(netsim.LagSamples{Deliveries: []time.Duration{p50, p99}}, latency)
	}
	for _, c := range []struct {
		lag  analysis.Lag
		want string
	}{
		{lag(300*time.Microsecond, 5*time.Millisecond, 100*time.Millisecond), "p50 5 ms, p99 5 ms (ok, limit 5 ms)"},
		{lag(900*time.Microsecond, 12400*time.Microsecond, 100*time.Millisecond),
			"p50 12 ms, p99 12 ms WARNING: p99 over 5 ms (5 % of the latency), latency figures not to be trusted; is the machine busy?"},
		{lag(time.Millisecond, time.Second, 0), "p50 1000 ms, p99 1000 ms (no limit at latency 0)"},
	} {
		if got := lagText(c.lag); got != c.want {
			t.Errorf("got  %q\nwant %q", got, c.want)
		}
	}
}

func TestHeadOfLineLineNamesTheLongestWait(t *testing.T) {
	h := analysis.HeadOfLineOf(netsim.HeadOfLine{
		Waits:   []time.Duration{0, 0, 3 * time.Millisecond, 990 * time.Millisecond},
		Longest: netsim.Held{Member: "n12", Due: 2493 * time.Millisecond, Wait: 990 * time.Millisecond},
	})
	want := "p99 990 ms, max 990 ms (n12, due at 2.493 s): the model's own waits, not lag"
	if got := headOfLineText(h); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestOfCopiesEveryChecker(t *testing.T) {
	results := checker.Check(run(), checker.NetCounts{}, checker.Options{Availability: "total"})
	s := ofResults(results)
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

func TestFaultsLineCountsAndNamesTheMuteNodes(t *testing.T) {
	f := analysis.Faults{Kills: 2, KilledNodes: 3, Pauses: 1, PausedNodes: 1, Restarts: 2, Mute: []string{"n1", "n2"}}
	if got := faultsText(f); got != "kill 2 (3 nodes), pause 1 (1 node), restart 2; mute 2 (n1 n2)" {
		t.Errorf("text %q", got)
	}
}
