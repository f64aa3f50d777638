package report

import (
	"slices"
	"testing"
	"time"
)

func TestWindowsAimForAboutTwentyBuckets(t *testing.T) {
	for _, c := range []struct {
		run, want time.Duration
	}{
		{3 * time.Second, 250 * time.Millisecond},
		{32 * time.Second, 2 * time.Second},
		{70 * time.Second, 5 * time.Second},
		{time.Hour, time.Minute},
	} {
		if got := window(int64(c.run)); got != int64(c.want) {
			t.Errorf("window(%v) = %v, want %v", c.run, time.Duration(got), c.want)
		}
	}
	if got := contiguous([]int{0, 1, 2, 5, 6, 9}); len(got) != 3 || !slices.Equal(got[1], []int{5, 6}) {
		t.Errorf("contiguous = %v", got)
	}
}

func TestQuantileIsNearestRank(t *testing.T) {
	sorted := []int64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	for q, want := range map[float64]int64{0: 1, 0.5: 6, 0.95: 10, 1: 10} {
		if got := quantile(sorted, q); got != want {
			t.Errorf("quantile(%g) = %d, want %d", q, got, want)
		}
	}
}

func TestTicksLabelRoundValues(t *testing.T) {
	var labels []string
	for _, tk := range secondTicks(0, 31.5) {
		if tk.Label != "" {
			labels = append(labels, tk.Label)
		}
	}
	if want := []string{"0", "5", "10", "15", "20", "25", "30"}; !slices.Equal(labels, want) {
		t.Errorf("second labels %v, want %v", labels, want)
	}
	labels = nil
	for _, tk := range logTicks(0.3, 25) {
		if tk.Label != "" {
			labels = append(labels, tk.Label)
		}
	}
	if want := []string{"0.5", "1", "2", "5", "10", "20"}; !slices.Equal(labels, want) {
		t.Errorf("log labels %v, want %v", labels, want)
	}
}
