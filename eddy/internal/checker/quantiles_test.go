package checker

import "testing"

func TestFrequencyDistributionTakesIndexMinNMinus1FloorNP(t *testing.T) {
	seq := func(from, n int64) []int64 {
		out := make([]int64, n)
		for i := range out {
			out[i] = from + int64(i)
		}
		return out
	}
	tests := []struct {
		name   string
		values []int64
		want   *Quantiles
	}{
		{"empty has no distribution", nil, nil},
		{"one value everywhere", []int64{7}, &Quantiles{7, 7, 7, 7, 7}},
		{"unsorted input is sorted", []int64{30, 10, 20}, &Quantiles{10, 20, 30, 30, 30}},
		{"two values: median is the upper one", []int64{1, 2}, &Quantiles{1, 2, 2, 2, 2}},
		// floor(20·0.95) = 19 and floor(20·0.99) = 19: the maximum.
		{"twenty values", seq(1, 20), &Quantiles{1, 11, 20, 20, 20}},
		// floor(100·0.95) = 95, floor(100·0.99) = 99, p = 1 clamps to 99.
		{"a hundred values", seq(0, 100), &Quantiles{0, 50, 95, 99, 99}},
		{"zeros count", []int64{0, 0, 0, 500}, &Quantiles{0, 0, 500, 500, 500}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := frequencyDistribution(tt.values)
			if (got == nil) != (tt.want == nil) || (got != nil && *got != *tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}
