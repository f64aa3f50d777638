package benchtable

import (
	"strings"
	"testing"
	"time"

	"eddy/internal/analysis"
	"eddy/internal/bench"
	"eddy/internal/checker"
	"eddy/internal/history"
	"eddy/internal/store"
)

func q(p50, p95, max int64) *checker.Quantiles {
	return &checker.Quantiles{Median: p50, P95: p95, Max: max}
}

// figures is one run: valid, with msgs-per-op mpo, the actual latencies
// and, when given, limit.json's limit and excess.
func figures(seed int64, mpo float32, actual, lim, excess *checker.Quantiles) bench.Figures {
	f := bench.Figures{Seed: seed, Results: &checker.Results{
		Workload: checker.Workload{StableLatencies: actual},
		Net:      checker.Net{Servers: checker.NetStats{MsgsPerOp: mpo, HasMsgsPerOp: true}},
		Stats:    checker.Stats{ByF: []checker.FStats{{F: history.FBroadcast, OpCounts: checker.OpCounts{OKCount: 5}}}},
	}}
	if lim != nil || excess != nil {
		f.Limit = &store.LimitFigures{Limit: lim, Excess: excess}
	}
	return f
}

// runsTable is WriteRuns' output for runs of sc, with sc's verdicts.
func runsTable(t *testing.T, sc bench.Scenario, runs []bench.Figures) string {
	t.Helper()
	var b strings.Builder
	if err := WriteRuns(&b, sc, runs, bench.Check(sc, runs)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func scenario(t *testing.T, name string) bench.Scenario {
	t.Helper()
	sc, ok := bench.ScenarioNamed(name)
	if !ok {
		t.Fatalf("no scenario %s", name)
	}
	return sc
}

func contains(t *testing.T, out string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestRunsTableHasARowPerSeedThenTheMedianAndTheVerdicts(t *testing.T) {
	sc := scenario(t, "3d-partition")
	runs := []bench.Figures{
		figures(1, 2.4, q(900, 3000, 4000), q(650, 2620, 3580), q(250, 380, 420)),
		figures(2, 3.1, q(300, 600, 900), nil, q(200, 390, 500)),
		figures(3, 2.2, nil, nil, nil),
		{Seed: 4},
	}
	runs[0].Cost = &analysis.Cost{CPUPer1000Ops: 1.234, PeakRSSMaxMiB: 9.87}
	runs[0].Failovers = bench.Failovers{All: 3, Reachable: 1}
	runs[1].Results.Workload.Valid, runs[1].Results.Workload.LostCount = checker.False, 2
	runs[2].Failovers = bench.Failovers{Missing: "no history"}
	out := runsTable(t, sc, runs)
	contains(t, out,
		"3d-partition: 25 nodes, rate 100, latency 100 ms, 20 s, partition nemesis, 4 seeds\n",
		"  eddy test -w broadcast --bin <node> --node-count 25 --time-limit 20 --rate 100 --latency 100 --nemesis partition --seed <seed>\n",
		"seed    valid    lost  msgs/op  actual         limit          excess       cpu   rss  failovers\n",
		"1       yes      0     2.40     900/3000/4000  650/2620/3580  250/380/420  1.23  9.9  1/3\n",
		"2       NO       2     3.10     300/600/900    -              200/390/500  -     -    0/0\n",
		"3       yes      0     2.20     -              -              -            -     -    -\n",
		"4       crashed  -     -        -              -              -            -     -    -\n",
		"median  2/4      2     2.40     600/1800/2450  650/2620/3580  225/385/460  1.23  9.9  1/3\n",
		"\n  MISSED  valid and 0 lost on every seed        2/4 valid, 2 lost\n",
		"  ok      median msgs-per-op over seeds <= 2.5  median 2.400\n",
		"  MISSED  excess 0.5 <= 300 ms on every seed    excess 0.5 missing (seed 3): the run wrote no limit.json\n",
	)
}

func TestVaryingLatencyShowsTheLongestHeadOfLineWait(t *testing.T) {
	sc := scenario(t, "3d-partition-exponential")
	runs := []bench.Figures{
		figures(4, 3.2, q(255, 800, 1630), q(85, 180, 200), q(170, 620, 1430)),
		figures(5, 3.0, q(430, 830, 1390), q(150, 190, 200), q(280, 640, 1190)),
	}
	runs[0].Lag = &analysis.Lag{HeadOfLine: analysis.HeadOfLine{Waits: analysis.Quantiles{Samples: 5000, Max: 997 * time.Millisecond}}}
	runs[1].Lag = &analysis.Lag{}
	out := runsTable(t, sc, runs)
	// Seed 5's lag.json predates head-of-line waits: "-".
	contains(t, out,
		"seed    valid  lost  msgs/op  actual        limit        excess        cpu  rss  hol  failovers\n",
		"4       yes    0     3.20     255/800/1630  85/180/200   170/620/1430  -    -    997  0/0\n",
		"5       yes    0     3.00     430/830/1390  150/190/200  280/640/1190  -    -    -    0/0\n",
		"median  2/2    0     3.10     343/815/1510  118/185/200  225/630/1310  -    -    997  0/0\n",
	)
}

func TestSizesTableAndTally(t *testing.T) {
	sizes, err := bench.ParseSizes("50,100", 1)
	if err != nil {
		t.Fatal(err)
	}
	runs := [][]bench.Figures{
		{figures(1, 2.8, q(140, 300, 350), q(80, 98, 100), q(60, 202, 250))},
		{figures(1, 5.5, q(180, 400, 497), nil, nil)},
	}
	runs[0][0].Cost = &analysis.Cost{CPUPer1000Ops: 2.5, PeakRSSMaxMiB: 12}
	var b strings.Builder
	if err := WriteSizes(&b, sizes, runs); err != nil {
		t.Fatal(err)
	}
	names := []string{sizes[0].Name, sizes[1].Name}
	verdicts := [][]bench.Verdict{bench.Check(sizes[0], runs[0]), bench.Check(sizes[1], runs[1])}
	if err := WriteVerdicts(&b, names, verdicts); err != nil {
		t.Fatal(err)
	}
	if WriteTally(&b, "scale", names, verdicts) {
		t.Error("the tally passed a missed target")
	}
	contains(t, b.String(),
		"nodes  valid  lost  msgs/op  actual       limit      excess      cpu   rss\n",
		"50     1/1    0     2.80     140/300/350  80/98/100  60/202/250  2.50  12.0\n",
		"100    1/1    0     5.50     180/400/497  -          -           -     -\n",
		"50 nodes   ok      max <= 380 ms on every seed       worst 350 ms (seed 1)\n",
		"100 nodes  MISSED  msgs-per-op <= 4.9 on every seed  worst 5.500 (seed 1)\n",
		"scale: 2 of 7 targets MISSED:\n  100 nodes: msgs-per-op <= 4.9 on every seed\n  100 nodes: max <= 430 ms on every seed\n",
	)
	b.Reset()
	if !WriteTally(&b, "bench", names[:1], verdicts[:1]) || b.String() != "bench: all 3 targets met\n" {
		t.Errorf("tally: %q", b.String())
	}
}

func TestFaultScenariosShowKillsPausesMuteNodesAndTheSeedsNotJudged(t *testing.T) {
	sc := scenario(t, "3d-faults")
	runs := []bench.Figures{
		figures(1, 2.1, q(300, 600, 700), q(100, 300, 390), q(200, 300, 310)),
		figures(2, 2.5, q(300, 600, 700), q(100, 300, 390), q(450, 900, 910)),
		figures(3, 1.5, nil, nil, nil),
	}
	runs[0].Faults = &analysis.Faults{Kills: 3, Pauses: 1}
	runs[1].Faults = &analysis.Faults{Kills: 1, Pauses: 2, Mute: []string{"n4", "n7"}}
	runs[2].Faults = &analysis.Faults{Kills: 2, Pauses: 2, Mute: []string{"n1"}}
	runs[2].Results.Workload.Valid = checker.Unknown
	runs[2].Results.Stats.ByF[0].OKCount = 0
	var b strings.Builder
	if err := WriteRuns(&b, sc, runs, bench.Check(sc, runs)); err != nil {
		t.Fatal(err)
	}
	contains(t, b.String(),
		"3d-faults: 25 nodes, rate 100, latency 100 ms, 20 s, partition+kill+pause nemesis, 3 seeds\n",
		"rss  k/p/mute  failovers\n",
		"  -    3/1/0     0/0\n",
		"3       unknown  0     1.50     -            -            -            -    -    2/2/1     0/0\n",
		"median  2/3      0     2.10     300/600/700  100/300/390  325/600/610  -    -    2/2/1     0/0\n",
		"  no broadcast acknowledged: validity not judged on seed 3\n",
		"  ok      valid on every seed on which a broadcast was acknowledged  2/2 valid, 1 not judged (seed 3)\n",
		"  ok      median excess 0.5 over seeds <= 500 ms                     median 325 ms, max 450 ms (seed 2)\n",
	)
	b.Reset()
	plain := scenario(t, "3d")
	if err := WriteRuns(&b, plain, runs, nil); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "k/p/mute") || strings.Contains(b.String(), "failovers") || strings.Contains(b.String(), "not judged") {
		t.Errorf("a fault-free scenario shows the fault columns:\n%s", b.String())
	}
}
