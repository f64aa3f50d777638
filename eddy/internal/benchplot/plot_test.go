package benchplot

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"eddy/internal/analysis"
	"eddy/internal/bench"
	"eddy/internal/checker"
	"eddy/internal/store"
)

func figures(mpo float32, median, max int64, limit *checker.Quantiles, cpu float64) bench.Figures {
	f := bench.Figures{Results: &checker.Results{
		Workload: checker.Workload{StableLatencies: &checker.Quantiles{Median: median, Max: max}},
		Net:      checker.Net{Servers: checker.NetStats{MsgsPerOp: mpo, HasMsgsPerOp: true}},
	}}
	if limit != nil {
		f.Limit = &store.LimitFigures{Limit: limit}
	}
	if cpu > 0 {
		f.Cost = &analysis.Cost{CPUPer1000Ops: cpu}
	}
	return f
}

func TestPlotsAreWritten(t *testing.T) {
	dir := t.TempDir()
	sizes, err := bench.ParseSizes("25,50,100", 1)
	if err != nil {
		t.Fatal(err)
	}
	runs := [][]bench.Figures{
		{figures(1.6, 138, 345, &checker.Quantiles{Median: 73, Max: 99}, 1.1)},
		{figures(2.8, 140, 350, &checker.Quantiles{Median: 80, Max: 100}, 1.9)},
		{figures(4.7, 170, 420, nil, 0)},
	}
	for _, name := range []string{"scale.png", "scale.svg"} {
		if err := PlotScale(sizes, runs, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	sc, _ := bench.ScenarioNamed("3d")
	points := []Point{
		{Batch: 0, Figures: figures(13, 178, 204, nil, 0)},
		{Batch: 250 * time.Millisecond, Figures: figures(1.6, 142, 346, nil, 0)},
		{Batch: time.Second, Figures: bench.Figures{}}, // crashed: left out
	}
	if err := PlotFrontier(points, sc.Targets, filepath.Join(dir, "frontier.png")); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"scale.png", "scale.svg", "frontier.png"} {
		if info, err := os.Stat(filepath.Join(dir, name)); err != nil || info.Size() == 0 {
			t.Errorf("%s not written: %v", name, err)
		}
	}
	if err := PlotScale(sizes, runs, filepath.Join(dir, "scale.bmp")); err == nil {
		t.Error("an unknown format was accepted")
	}
}
