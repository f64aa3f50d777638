package bench

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

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
// seed at 3.1, excess medians 250/380/420.
func partitioned() []Figures {
	return []Figures{
		{Seed: 1, Valid: "true", ServersMPO: 2.4, Excess: &Points{MedianMS: 250, P95MS: 380, MaxMS: 420}},
		{Seed: 2, Valid: "true", ServersMPO: 3.1, Excess: &Points{MedianMS: 200, P95MS: 390, MaxMS: 500}},
		{Seed: 3, Valid: "true", ServersMPO: 2.2, Excess: &Points{MedianMS: 310, P95MS: 300, MaxMS: 400}},
	}
}

func TestPartitionTargetsTakeTheMedianOrTheWorstSeed(t *testing.T) {
	sc, _ := ScenarioNamed("3d-partition")
	vs := Check(partitioned(), sc.Targets)
	want := []Verdict{
		{Target: "valid and 0 lost on every seed", Got: "3/3 valid, 0 lost", Met: true},
		{Target: "median msgs-per-op over seeds <= 2.5", Got: "median 2.400", Met: true},
		{Target: "msgs-per-op <= 3 on every seed", Got: "worst 3.100 (seed 2)", Met: false},
		{Target: "median excess 0.5 over seeds <= 300 ms", Got: "median 250 ms", Met: true},
		{Target: "median excess 0.95 over seeds <= 400 ms", Got: "median 380 ms", Met: true},
		{Target: "median excess 1 over seeds <= 400 ms", Got: "median 420 ms", Met: false},
	}
	if !slices.Equal(vs, want) {
		t.Errorf("verdicts:\n%s\nwant:\n%s", verdictLines(vs), verdictLines(want))
	}
	if Missed(vs) != 2 {
		t.Errorf("missed %d, want 2", Missed(vs))
	}
}

func TestPlainTargetsHoldEverySeedButCPUByMedian(t *testing.T) {
	runs := []Figures{
		{Seed: 1, Valid: "true", ServersMPO: 1.6, MedianMS: 140, MaxMS: 350, Cost: &Cost{CPUPer1000Ops: 1.2}},
		{Seed: 2, Valid: "true", ServersMPO: 1.65, MedianMS: 151, MaxMS: 340, Cost: &Cost{CPUPer1000Ops: 2.0}},
		{Seed: 3, Valid: "true", ServersMPO: 1.62, MedianMS: 138, MaxMS: 355, Cost: &Cost{CPUPer1000Ops: 1.1}},
	}
	vs := Check(runs, PlainTargets)
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

func TestAnInvalidOrLossyRunOrAMissingFigureIsAMiss(t *testing.T) {
	runs := partitioned()
	runs[1].Valid = "unknown"
	if vs := Check(runs, nil); vs[0].Met || vs[0].Got != "2/3 valid, 0 lost" {
		t.Errorf("an unknown verdict passed: %+v", vs[0])
	}
	runs = partitioned()
	runs[2].Lost = 1
	if Check(runs, nil)[0].Met {
		t.Error("a lost value passed")
	}
	if Check(nil, nil)[0].Met {
		t.Error("no runs passed")
	}
	runs = partitioned()
	runs[1].Excess = nil
	v := Check(runs, []Target{{Figure: Excess50, Max: 1000, Over: MedianOfSeeds}})[1]
	if v.Met || v.Got != "not recorded (seed 2)" {
		t.Errorf("a run without limit.json passed: %+v", v)
	}
	if v := Check(runs, []Target{{Figure: CPU, Max: 1000}})[1]; v.Met {
		t.Errorf("runs without cost.json passed: %+v", v)
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
	plan, err := ParsePlan("3d=2,3d-partition,3c=20")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, sc := range plan {
		got = append(got, sc.Name+"="+strings.Join(sc.Shape.Flags(), " ")+" x"+strconv.Itoa(sc.Seeds))
	}
	want := []string{
		"3d=--node-count 25 --time-limit 20 --rate 100 --latency 100 x2",
		"3d-partition=--node-count 25 --time-limit 20 --rate 100 --latency 100 --nemesis partition x10",
		"3c=--node-count 5 --time-limit 20 --rate 10 --nemesis partition x20",
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
}

func verdictLines(vs []Verdict) string {
	var b strings.Builder
	for _, v := range vs {
		b.WriteString(v.Target + " | " + v.Got + " | " + map[bool]string{true: "ok", false: "MISSED"}[v.Met] + "\n")
	}
	return b.String()
}

func TestACrashedRunFailsValidityAndLeavesTheFiguresToTheOthers(t *testing.T) {
	runs := append(partitioned(), Figures{Seed: 4, Valid: Crashed})
	sc, _ := ScenarioNamed("3d-partition")
	vs := Check(runs, sc.Targets)
	if vs[0].Met || vs[0].Got != "3/4 valid, 0 lost" {
		t.Errorf("validity: %+v", vs[0])
	}
	if vs[1].Got != "median 2.400" || vs[2].Got != "worst 3.100 (seed 2)" {
		t.Errorf("the crashed run counted in the figures: %q, %q", vs[1].Got, vs[2].Got)
	}
	if m := MedianFigures(runs); m.ServersMPO != 2.4 || *m.Excess != (Points{MedianMS: 250, P95MS: 380, MaxMS: 420}) {
		t.Errorf("median figures %+v, excess %+v", m, m.Excess)
	}
	if v := Check([]Figures{{Seed: 1, Valid: Crashed}}, sc.Targets)[1]; v.Met || v.Got != "no runs with results" {
		t.Errorf("all crashed: %+v", v)
	}
}

func TestARunWithoutStableValuesSaysSo(t *testing.T) {
	runs := []Figures{
		{Seed: 1, Valid: "false", Lost: 700, HasLimitFile: true},
		{Seed: 2, Valid: "true", Excess: &Points{MedianMS: 100}, HasLimitFile: true},
	}
	v := Check(runs, []Target{{Figure: Excess50, Max: 500, Over: MedianOfSeeds}})[1]
	if v.Met || v.Got != "no stable values (seed 1)" {
		t.Errorf("verdict %+v", v)
	}
}
