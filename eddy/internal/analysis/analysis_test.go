package analysis

import (
	"slices"
	"testing"
	"time"

	"eddy/internal/history"
	"eddy/internal/netsim"
	"eddy/internal/proc"
)

func ms(x int64) int64 { return x * int64(time.Millisecond) }

// run is a small history on two nodes: value 1 from n0, read on n1 after a
// kill and restart of n1, with one nemesis pair per fault.
func run() history.History {
	var h history.History
	client := func(p int, t history.Type, f string, v history.Value, at int64) {
		h.Append(history.Op{Time: at, Type: t, Process: p, Node: []string{"n0", "n1"}[p%2], F: f, Value: v})
	}
	nem := func(f string, v history.Value, at int64) {
		h.Append(history.Op{Time: at, Type: history.Info, Process: history.NemesisProcess, F: f, Value: v})
	}
	client(0, history.Invoke, history.FBroadcast, history.Element(1), 0)
	client(0, history.OK, history.FBroadcast, history.Element(1), ms(1))
	nem(history.FKill, history.EDN(":one"), ms(2))
	nem(history.FKill, history.Outcomes{Of: map[string]string{"n1": history.Killed}, Text: `{"n1" :killed}`}, ms(3))
	nem(history.FStart, history.EDN(":all"), ms(200))
	nem(history.FStart, history.Outcomes{Of: map[string]string{"n0": history.AlreadyRunning, "n1": history.Started}, Text: "{}"}, ms(210))
	client(1, history.Invoke, history.FRead, nil, ms(100))
	client(1, history.Fail, history.FRead, nil, ms(150))
	client(1, history.Invoke, history.FRead, nil, ms(400))
	client(1, history.OK, history.FRead, history.ReadOf(1), ms(401))
	return h
}

func TestAnalyseComputesEachFigureOnce(t *testing.T) {
	a := Analyse(Input{
		History: run(),
		Net:     netsim.Counts{Servers: netsim.Group{SendCount: 6, RecvCount: 6, MsgCount: 6}},
		Nodes:   []string{"n0", "n1"},
		Latency: netsim.Latency{MeanMillis: 100, Dist: netsim.Constant},
		Usages:  []proc.Usage{{CPU: time.Second, PeakRSS: 4 << 20}, {CPU: 2 * time.Second, PeakRSS: 6 << 20}},
		Mute:    []string{"n1"},
	})
	if a.Ops != 3 || a.Results.Net.OpCount != 3 || a.Cost.Ops != 3 {
		t.Errorf("ops %d, checker %d, cost %d: want the 3 client invocations everywhere", a.Ops, a.Results.Net.OpCount, a.Cost.Ops)
	}
	if a.Cost.CPUSeconds != 3 || a.Cost.CPUPer1000Ops != 1000 || a.Cost.PeakRSSMaxMiB != 6 || a.Cost.PeakRSSMeanMiB != 5 || a.Cost.Nodes != 2 {
		t.Errorf("cost %+v", a.Cost)
	}
	if f := a.Faults; f.Kills != 1 || f.KilledNodes != 1 || f.Restarts != 1 || !slices.Equal(f.Mute, []string{"n1"}) {
		t.Errorf("faults %+v", f)
	}
	if downs := a.Timeline.Downs("n1"); len(downs) != 1 || downs[0].From != ms(3) || downs[0].To != ms(210) {
		t.Errorf("n1 down %v", downs)
	}
	// The limit sees n1 back at 210 ms: value 1 lands then.
	if a.Limit.Hop != 100*time.Millisecond || a.Limit.Workload.StableCount != 1 {
		t.Errorf("limit %+v", a.Limit)
	}
	if a.Lag.Trusted != true || a.Lag.P99Limit != 5*time.Millisecond {
		t.Errorf("lag %+v", a.Lag)
	}
	if none := Analyse(Input{History: run(), Nodes: []string{"n0", "n1"}}); none.Cost != nil || none.Faults.Mute == nil {
		t.Errorf("no usage gives no cost, and no mute node is an empty list: %+v %+v", none.Cost, none.Faults)
	}
}

func TestLagOverFivePercentOfTheLatencyIsNotTrusted(t *testing.T) {
	samples := func(p99 time.Duration) netsim.LagSamples {
		s := netsim.LagSamples{Wakeups: []time.Duration{time.Microsecond}}
		for range 99 {
			s.Deliveries = append(s.Deliveries, time.Millisecond)
		}
		s.Deliveries = append(s.Deliveries, p99, p99)
		return s
	}
	for _, c := range []struct {
		name    string
		p99     time.Duration
		latency time.Duration
		trusted bool
	}{
		{"under", 4 * time.Millisecond, 100 * time.Millisecond, true},
		{"over", 6 * time.Millisecond, 100 * time.Millisecond, false},
		{"zero latency has no limit", time.Second, 0, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			l := LagOf(samples(c.p99), c.latency)
			if l.Trusted != c.trusted || l.Deliveries.P99 != c.p99 || l.Deliveries.P50 != time.Millisecond ||
				l.Deliveries.Samples != 101 || l.Deliveries.Max != c.p99 || l.Wakeups.Samples != 1 {
				t.Errorf("lag %+v", l)
			}
		})
	}
}
