package checker

import (
	"math"
	"sort"
)

// quantilePoints are the points of Jepsen's set-full distributions.
var quantilePoints = [5]float64{0, 0.5, 0.95, 0.99, 1}

// frequencyDistribution is Jepsen's frequency-distribution: for point p it
// takes sorted[min(n−1, floor(n·p))] — no interpolation. It returns nil for
// no values, as Jepsen does.
func frequencyDistribution(values []int64) *Quantiles {
	n := len(values)
	if n == 0 {
		return nil
	}
	sorted := append([]int64(nil), values...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	var at [5]int64
	for i, p := range quantilePoints {
		idx := min(n-1, int(math.Floor(float64(n)*p)))
		at[i] = sorted[idx]
	}
	return &Quantiles{Min: at[0], Median: at[1], P95: at[2], P99: at[3], Max: at[4]}
}
