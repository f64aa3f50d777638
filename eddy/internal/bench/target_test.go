package bench

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"eddy/internal/analysis"
	"eddy/internal/checker"
	"eddy/internal/history"
	"eddy/internal/store"
)

// run is the figures of one run, for the tests: a checker result with
// these figures, and limit.json when excess is given.
type run struct {
	seed           int64
	valid          checker.Validity
	lost           int
	mpo            float32 // 0: the run had no client operations
	actual, excess *checker.Quantiles
	acked          int
	cost           *analysis.Cost
	faults         *analysis.Faults
	failovers      Failovers
}

func (r run) figures() Figures {
	res := &checker.Results{
		Workload: checker.Workload{Valid: r.valid, LostCount: r.lost, StableLatencies: r.actual},
		Net:      checker.Net{Servers: checker.NetStats{MsgsPerOp: r.mpo, HasMsgsPerOp: r.mpo > 0}},
		Stats:    checker.Stats{ByF: []checker.FStats{{F: history.FBroadcast, OpCounts: checker.OpCounts{OKCount: r.acked}}}},
	}
	f := Figures{Seed: r.seed, Results: res, Cost: r.cost, Faults: r.faults, Failovers: r.failovers}
	if r.excess != nil {
		f.Limit = &store.LimitFigures{Limit: &checker.Quantiles{}, Excess: r.excess}
	}
	return f
}

func q(p50, p95, max int64) *checker.Quantiles {
	return &checker.Quantiles{Median: p50, P95: p95, Max: max}
}

func figures(rs ...run) []Figures {
	out := make([]Figures, len(rs))
	for i, r := range rs {
		if r.acked == 0 {
			r.acked = 10
		}
		out[i] = r.figures()
	}
	return out
}

func named(t *testing.T, name string) Scenario {
	t.Helper()
	sc, ok := ScenarioNamed(name)
	if !ok {
		t.Fatalf("no scenario %s", name)
	}
	return sc
}

func verdictLines(vs []Verdict) string {
	var b strings.Builder
	for _, v := range vs {
		b.WriteString(v.Target + " | " + v.Got + " | " + map[bool]string{true: "ok", false: "MISSED"}[v.Met] + "\n")
	}
	return b.String()
}

func TestMedianOfTakesTheMiddleOrTheMeanOfTheTwo(t *testing.T) {
	for _, c := range []struct {
		xs   []float64
		want float64
	}{
		{nil, 0},
		{[]float64{3}, 3},
		{[]float64{5, 1, 4}, 4},
		{[]float64{5, 1, 4, 2}, 3},
	} {
		if got := MedianOf(c.xs); got != c.want {
			t.Errorf("MedianOf(%v) = %v, want %v", c.xs, got, c.want)
		}
	}
}

// partitioned is three partitioned runs: msgs-per-op median 2.4 but one
// seed at 3.1, and one seed at 510 ms of excess at the max.
func partitioned() []Figures {
	return figures(
		run{seed: 1, mpo: 2.4, actual: q(300, 600, 900), excess: q(250, 380, 420)},
		run{seed: 2, mpo: 3.1, actual: q(300, 600, 900), excess: q(200, 390, 510)},
		run{seed: 3, mpo: 2.2, actual: q(300, 600, 900), excess: q(290, 300, 400)},
	)
}

func TestPartitionTargetsHoldOnEverySeed(t *testing.T) {
	vs := Check(named(t, "3d-partition"), partitioned())
	want := []Verdict{
		{Target: "valid and 0 lost on every seed", Got: "3/3 valid, 0 lost", Met: true},
		{Target: "median msgs-per-op over seeds <= 2.5", Got: "median 2.400", Met: true},
		{Target: "msgs-per-op <= 3 on every seed", Got: "worst 3.100 (seed 2)", Met: false},
		{Target: "excess 0.5 <= 300 ms on every seed", Got: "worst 290 ms (seed 3)", Met: true},
		{Target: "excess 0.95 <= 500 ms on every seed", Got: "worst 390 ms (seed 2)", Met: true},
		{Target: "excess 1 <= 500 ms on every seed", Got: "worst 510 ms (seed 2)", Met: false},
	}
	if !slices.Equal(vs, want) {
		t.Errorf("verdicts:\n%s\nwant:\n%s", verdictLines(vs), verdictLines(want))
	}
	if Missed(vs) != 2 {
		t.Errorf("missed %d, want 2", Missed(vs))
	}
}

func TestPlainTargetsHoldEverySeedButCPUByMedian(t *testing.T) {
	runs := figures(
		run{seed: 1, mpo: 1.6, actual: q(140, 300, 350), cost: &analysis.Cost{CPUPer1000Ops: 1.2}},
		run{seed: 2, mpo: 1.65, actual: q(151, 300, 340), cost: &analysis.Cost{CPUPer1000Ops: 2.0}},
		run{seed: 3, mpo: 1.62, actual: q(138, 300, 355), cost: &analysis.Cost{CPUPer1000Ops: 1.1}},
	)
	vs := Check(named(t, "3d"), runs)
	met := []bool{true, true, false, true, true}
	for i, v := range vs {
		if v.Met != met[i] {
			t.Errorf("%s: met=%v (%s), want %v", v.Target, v.Met, v.Got, met[i])
		}
	}
	if vs[2].Got != "worst 151 ms (seed 2)" || vs[4].Got != "median 1.20 s" {
		t.Errorf("got %q and %q", vs[2].Got, vs[4].Got)
	}
}

func TestAnInvalidOrLossyRunFailsValidity(t *testing.T) {
	sc := Scenario{Name: "x"}
	runs := partitioned()
	runs[1].Results.Workload.Valid = checker.Unknown
	if vs := Check(sc, runs); vs[0].Met || vs[0].Got != "2/3 valid, 0 lost" {
		t.Errorf("an unknown verdict passed: %+v", vs[0])
	}
	runs = partitioned()
	runs[2].Results.Workload.LostCount = 1
	if Check(sc, runs)[0].Met {
		t.Error("a lost value passed")
	}
	if Check(sc, nil)[0].Met {
		t.Error("no runs passed")
	}
}

// A figure a run did not record misses its target and says it is missing:
// a run without client operations has no msgs-per-op (it used to read as
// 0 and pass every ceiling).
func TestAMissingFigureIsAMissThatSaysSo(t *testing.T) {
	for _, c := range []struct {
		name   string
		change func(*Figures)
		target Target
		got    string
	}{
		{"no client operations", func(f *Figures) { f.Results.Net.Servers = checker.NetStats{} },
			Target{Figure: MsgsPerOp, Max: 1.7}, "msgs-per-op missing (seed 2): the run had no client operations"},
		{"no stable value", func(f *Figures) { f.Results.Workload.StableLatencies = nil },
			Target{Figure: Median, Max: 150}, "median missing (seed 2): no value was stable"},
		{"no limit.json", func(f *Figures) { f.Limit = nil },
			Target{Figure: Excess50, Max: 1000, Over: MedianOfSeeds}, "excess 0.5 missing (seed 2): the run wrote no limit.json"},
		{"no excess", func(f *Figures) { f.Limit.Excess = nil },
			Target{Figure: Excess95, Max: 1000}, "excess 0.95 missing (seed 2): no value was stable in the run and in the limit"},
		{"no cost.json", func(f *Figures) {},
			Target{Figure: CPU, Max: 1000, Over: MedianOfSeeds}, "cpu per 1000 ops missing (seed 1): the run wrote no cost.json"},
		{"failovers not counted", func(f *Figures) { f.Failovers.Missing = "history.edn: no such file" },
			Target{Figure: ReachableFailovers, Max: 0}, "failovers away from a reachable hub missing (seed 2): history.edn: no such file"},
		{"the workload checker failed", func(f *Figures) { f.Results.Workload = checker.Workload{Valid: checker.Unknown, Error: "boom"} },
			Target{Figure: Worst, Max: 360}, "max missing (seed 2): the workload checker failed: boom"},
	} {
		t.Run(c.name, func(t *testing.T) {
			runs := partitioned()
			c.change(&runs[1])
			v := Check(Scenario{Targets: []Target{c.target}}, runs)[1]
			if v.Met || v.Got != c.got {
				t.Errorf("verdict %+v, want missed with %q", v, c.got)
			}
		})
	}
}

func TestACrashedRunFailsValidityAndLeavesTheFiguresToTheOthers(t *testing.T) {
	sc := named(t, "3d-partition")
	runs := append(partitioned(), Figures{Seed: 4})
	vs := Check(sc, runs)
	if vs[0].Met || vs[0].Got != "3/4 valid, 0 lost" {
		t.Errorf("validity: %+v", vs[0])
	}
	if vs[1].Got != "median 2.400" || vs[2].Got != "worst 3.100 (seed 2)" {
		t.Errorf("the crashed run counted in the figures: %q, %q", vs[1].Got, vs[2].Got)
	}
	if m, ok := MedianOver(runs, MsgsPerOp); !ok || m != 2.4 {
		t.Errorf("median msgs-per-op %v, %v", m, ok)
	}
	if v := Check(sc, []Figures{{Seed: 1}})[1]; v.Met || v.Got != "no runs with msgs-per-op" {
		t.Errorf("all crashed: %+v", v)
	}
}

// Under process faults a seed with no broadcast acknowledged is listed,
// not judged; a seed with one acknowledged broadcast is judged like any.
func TestFaultScenariosJudgeValidityWhereABroadcastWasAcknowledged(t *testing.T) {
	sc := named(t, "3d-faults")
	runs := figures(
		run{seed: 1, mpo: 2.1, actual: q(300, 600, 700), excess: q(200, 300, 310), faults: &analysis.Faults{Kills: 2}},
		run{seed: 2, valid: checker.Unknown, mpo: 1.5, acked: -1, faults: &analysis.Faults{Kills: 1}}, // everything down at 0: nothing acknowledged
		run{seed: 3, mpo: 2.3, actual: q(300, 600, 700), excess: q(250, 400, 410), faults: &analysis.Faults{Kills: 2}},
	)
	runs[1].Results.Stats.ByF[0].OKCount = 0
	vs := Check(sc, runs)
	want := []Verdict{
		{Target: "0 lost on every seed", Got: "0 lost", Met: true},
		{Target: "valid on every seed on which a broadcast was acknowledged", Got: "2/2 valid, 1 not judged (seed 2)", Met: true},
		{Target: "median msgs-per-op over seeds <= 3", Got: "median 2.100, max 2.300 (seed 3)", Met: true},
		{Target: "median excess 0.5 over seeds <= 500 ms", Got: "median 225 ms, max 250 ms (seed 3)", Met: true},
		{Target: "median excess 0.95 over seeds <= 500 ms", Got: "median 350 ms, max 400 ms (seed 3)", Met: true},
	}
	if !slices.Equal(vs, want) {
		t.Errorf("verdicts:\n%s\nwant:\n%s", verdictLines(vs), verdictLines(want))
	}
	if got := sc.NotJudged(runs); !slices.Equal(got, []int64{2}) {
		t.Errorf("not judged %v", got)
	}
	// One acknowledged broadcast and an :unknown verdict: judged, and
	// missed, excess and all.
	runs[1].Results.Stats.ByF[0].OKCount = 1
	vs = Check(sc, runs)
	if vs[1].Met || vs[1].Got != "2/3 valid" {
		t.Errorf("validity %+v", vs[1])
	}
	if vs[3].Met || vs[3].Got != "excess 0.5 missing (seed 2): the run wrote no limit.json" {
		t.Errorf("excess %+v", vs[3])
	}
	// Lost values and crashes fail the hard target.
	runs[1].Results.Workload.LostCount = 3
	runs = append(runs, Figures{Seed: 4})
	if v := Check(sc, runs)[0]; v.Met || v.Got != "3 lost, 1 crashed" {
		t.Errorf("lost %+v", v)
	}
	// A plain scenario excuses nothing.
	runs[1].Results.Stats.ByF[0].OKCount = 0
	if v := Check(named(t, "3d-partition"), runs[:3])[0]; v.Met {
		t.Errorf("3d-partition excused a seed: %+v", v)
	}
}

func TestScaleTargetsFollowTheNodeCount(t *testing.T) {
	sizes, err := ParseSizes("25, 50,100,75", 2)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, sc := range sizes {
		var ts []string
		for _, t := range sc.Targets {
			ts = append(ts, t.String())
		}
		got = append(got, sc.Name+": "+strings.Join(ts, "; "))
		if sc.Seeds != 2 || sc.Shape.Rate != 100 || sc.Shape.LatencyMS != 100 || sc.Shape.Nemesis != "" {
			t.Errorf("%s: %+v", sc.Name, sc)
		}
	}
	want := []string{
		"25 nodes: msgs-per-op <= 1.7 on every seed; median <= 150 ms on every seed; max <= 360 ms on every seed; median cpu per 1000 ops over seeds <= 1.3 s",
		"50 nodes: msgs-per-op <= 2.9 on every seed; max <= 380 ms on every seed",
		"100 nodes: msgs-per-op <= 4.9 on every seed; median <= 200 ms on every seed; max <= 430 ms on every seed",
		"75 nodes: ",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, bad := range []string{"", "0", "x", "25,,50"} {
		if _, err := ParseSizes(bad, 1); err == nil {
			t.Errorf("ParseSizes(%q) passed", bad)
		}
	}
}

func TestPlanNamesScenariosAndTheirSeeds(t *testing.T) {
	plan, err := ParsePlan("3d=2,3d-partition,3c=20,3d-partition-200ms,3d-partition-exponential=1")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, sc := range plan {
		got = append(got, sc.Name+"="+strings.Join(sc.Shape.Flags(), " ")+" x"+strconv.Itoa(sc.Seeds))
	}
	want := []string{
		"3d=--node-count 25 --time-limit 20 --rate 100 --latency 100 x2",
		"3d-partition=--node-count 25 --time-limit 20 --rate 100 --latency 100 --nemesis partition x20",
		"3c=--node-count 5 --time-limit 20 --rate 10 --nemesis partition x20",
		"3d-partition-200ms=--node-count 25 --time-limit 20 --rate 100 --latency 200 --nemesis partition x5",
		"3d-partition-exponential=--node-count 25 --time-limit 20 --rate 100 --latency 100 --latency-dist exponential --nemesis partition x1",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, bad := range []string{"3e", "3d=0", "3d=x", ""} {
		if _, err := ParsePlan(bad); err == nil {
			t.Errorf("ParsePlan(%q) passed", bad)
		}
	}
	short := WithTimeLimit(plan, 5)
	if short[0].Shape.TimeLimit != 5 || plan[0].Shape.TimeLimit != 20 || WithTimeLimit(plan, 0)[1].Shape.TimeLimit != 20 {
		t.Errorf("time limits: %d, %d", short[0].Shape.TimeLimit, plan[0].Shape.TimeLimit)
	}
	args := plan[2].Args("/bin/rumor", 7, []string{"-batch", "50ms"})
	if got := strings.Join(args, " "); got != "test -w broadcast --bin /bin/rumor --node-count 5 --time-limit 20 --rate 10 --nemesis partition --seed 7 -- -batch 50ms" {
		t.Errorf("args: %s", got)
	}
	if s := plan[4].Shape.String(); s != "25 nodes, rate 100, latency 100 ms exponential, 20 s, partition nemesis" {
		t.Errorf("shape %q", s)
	}
	if !plan[1].Shape.Partitions() || plan[0].Shape.Partitions() || plan[1].Shape.ProcessFaults() {
		t.Error("which scenarios cut the network")
	}
}

// The results map prints msgs-per-op as a Java float; a run that printed
// 1.7 meets "<= 1.7", as it always did when the figure was parsed from
// results.json's text.
func TestMsgsPerOpIsComparedAsPrinted(t *testing.T) {
	v := Check(Scenario{Targets: []Target{{Figure: MsgsPerOp, Max: 1.7}}}, figures(run{seed: 1, mpo: 1.7}))[1]
	if !v.Met || v.Got != "worst 1.700 (seed 1)" {
		t.Errorf("verdict %+v", v)
	}
}
