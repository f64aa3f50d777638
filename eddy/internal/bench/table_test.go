package bench

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestRunsTableHasARowPerSeedThenTheMedianAndTheVerdicts(t *testing.T) {
	sc, _ := ScenarioNamed("3d-partition")
	runs := partitioned()
	runs[0].MedianMS, runs[0].P95MS, runs[0].MaxMS = 900, 3000, 4000
	runs[0].Limit = &Points{MedianMS: 650, P95MS: 2620, MaxMS: 3580}
	runs[0].Cost = &Cost{CPUPer1000Ops: 1.234, PeakRSSMaxMiB: 9.87}
	runs[1].Valid, runs[1].Lost = "false", 2
	runs = append(runs, Figures{Seed: 4, Valid: Crashed})
	var b strings.Builder
	must(t, WriteRuns(&b, sc, runs, Check(runs, sc.Targets)))
	out := b.String()
	for _, want := range []string{
		"3d-partition: 25 nodes, rate 100, latency 100 ms, 20 s, partition nemesis, 4 seeds\n",
		"  eddy test -w broadcast --bin <node> --node-count 25 --time-limit 20 --rate 100 --latency 100 --nemesis partition --seed <seed>\n",
		"seed    valid    lost  msgs/op  actual         limit          excess       cpu   rss\n",
		"1       yes      0     2.40     900/3000/4000  650/2620/3580  250/380/420  1.23  9.9\n",
		"2       NO       2     3.10     0/0/0          -              200/390/500  -     -\n",
		"4       crashed  -     -        -              -              -            -     -\n",
		"median  2/4      2     2.40     0/0/0          650/2620/3580  250/380/420  1.23  9.9\n",
		"\n  MISSED  valid and 0 lost on every seed           2/4 valid, 2 lost\n",
		"  ok      median msgs-per-op over seeds <= 2.5     median 2.400\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q", want)
		}
	}
}

func TestSizesTableAndTally(t *testing.T) {
	sizes, err := ParseSizes("50,100", 1)
	must(t, err)
	runs := [][]Figures{
		{{Seed: 1, Valid: "true", ServersMPO: 2.8, MedianMS: 140, P95MS: 300, MaxMS: 350, Limit: &Points{MedianMS: 80, P95MS: 98, MaxMS: 100}, Excess: &Points{MedianMS: 60, P95MS: 202, MaxMS: 250}, Cost: &Cost{CPUPer1000Ops: 2.5, PeakRSSMaxMiB: 12}}},
		{{Seed: 1, Valid: "true", ServersMPO: 5.5, MedianMS: 180, P95MS: 400, MaxMS: 497}},
	}
	var b strings.Builder
	must(t, WriteSizes(&b, sizes, runs))
	names := []string{sizes[0].Name, sizes[1].Name}
	verdicts := [][]Verdict{Check(runs[0], sizes[0].Targets), Check(runs[1], sizes[1].Targets)}
	must(t, WriteVerdicts(&b, names, verdicts))
	if WriteTally(&b, "scale", names, verdicts) {
		t.Error("the tally passed a missed target")
	}
	out := b.String()
	for _, want := range []string{
		"nodes  valid  lost  msgs/op  actual       limit      excess      cpu   rss\n",
		"50     1/1    0     2.80     140/300/350  80/98/100  60/202/250  2.50  12.0\n",
		"100    1/1    0     5.50     180/400/497  -          -           -     -\n",
		"50 nodes   ok      max <= 380 ms on every seed       worst 350 ms (seed 1)\n",
		"100 nodes  MISSED  msgs-per-op <= 4.9 on every seed  worst 5.500 (seed 1)\n",
		"scale: 2 of 7 targets MISSED:\n  100 nodes: msgs-per-op <= 4.9 on every seed\n  100 nodes: max <= 430 ms on every seed\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	b.Reset()
	if !WriteTally(&b, "bench", names[:1], verdicts[:1]) || b.String() != "bench: all 3 targets met\n" {
		t.Errorf("tally: %q", b.String())
	}
}

func TestPlotsAreWritten(t *testing.T) {
	dir := t.TempDir()
	sizes, err := ParseSizes("25,50,100", 1)
	must(t, err)
	runs := [][]Figures{
		{{ServersMPO: 1.6, MedianMS: 138, MaxMS: 345, Limit: &Points{MedianMS: 73, MaxMS: 99}, Cost: &Cost{CPUPer1000Ops: 1.1}}},
		{{ServersMPO: 2.8, MedianMS: 140, MaxMS: 350, Limit: &Points{MedianMS: 80, MaxMS: 100}, Cost: &Cost{CPUPer1000Ops: 1.9}}},
		{{ServersMPO: 4.7, MedianMS: 170, MaxMS: 420}},
	}
	for _, name := range []string{"scale.png", "scale.svg"} {
		must(t, PlotScale(sizes, runs, filepath.Join(dir, name)))
	}
	sc, _ := ScenarioNamed("3d")
	points := []Point{
		{Batch: 0, Figures: Figures{ServersMPO: 13, MedianMS: 178, MaxMS: 204}},
		{Batch: 250 * time.Millisecond, Figures: Figures{ServersMPO: 1.6, MedianMS: 142, MaxMS: 346}},
	}
	must(t, PlotFrontier(points, sc.Targets, filepath.Join(dir, "frontier.png")))
	for _, name := range []string{"scale.png", "scale.svg", "frontier.png"} {
		if info, err := os.Stat(filepath.Join(dir, name)); err != nil || info.Size() == 0 {
			t.Errorf("%s not written: %v", name, err)
		}
	}
	if err := PlotScale(sizes, runs, filepath.Join(dir, "scale.bmp")); err == nil {
		t.Error("an unknown format was accepted")
	}
}

func TestFaultScenariosShowKillsPausesAndMuteNodes(t *testing.T) {
	sc, ok := ScenarioNamed("3d-faults")
	if !ok || !sc.Shape.ProcessFaults() {
		t.Fatalf("3d-faults: %+v", sc)
	}
	excess := func(p50, p95 int) *Points { return &Points{MedianMS: p50, P95MS: p95, MaxMS: p95 + 10} }
	runs := []Figures{
		{Seed: 1, Valid: "true", ServersMPO: 2.1, Excess: excess(200, 300), Faults: &Faults{Kills: 3, Pauses: 1}},
		{Seed: 2, Valid: "true", ServersMPO: 2.5, Excess: excess(450, 900), Faults: &Faults{Kills: 1, Pauses: 2, Mute: []string{"n4", "n7"}}},
		{Seed: 3, Valid: "true", ServersMPO: 2.3, Excess: excess(300, 400), Faults: &Faults{Kills: 2, Pauses: 2, Mute: []string{"n1"}}},
	}
	var b strings.Builder
	must(t, WriteRuns(&b, sc, runs, Check(runs, sc.Targets)))
	out := b.String()
	for _, want := range []string{
		"3d-faults: 25 nodes, rate 100, latency 100 ms, 20 s, partition+kill+pause nemesis, 3 seeds\n",
		"--latency 100 --nemesis partition,kill,pause --seed <seed>\n",
		"rss  k/p/mute\n",
		"  -    3/1/0\n",
		"  -    1/2/2\n",
		"  -    2/2/1\n", // the median row: 2 kills, 2 pauses, 1 mute node
		"median excess 0.5 over seeds <= 500 ms   median 300 ms, max 450 ms (seed 2)\n",
		"ok  median excess 0.95 over seeds <= 500 ms  median 400 ms, max 900 ms (seed 2)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	plain, _ := ScenarioNamed("3d-partition")
	b.Reset()
	must(t, WriteRuns(&b, plain, runs, nil))
	if strings.Contains(b.String(), "k/p/mute") {
		t.Error("a partition scenario shows the process-fault column")
	}
}
