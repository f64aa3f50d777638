package netsim

import (
	"testing"
	"time"
)

func TestExpectedIsTheMeanOfTheTruncatedDraws(t *testing.T) {
	cases := []struct {
		l    Latency
		want time.Duration
	}{
		{Latency{MeanMillis: 100, Dist: Constant}, 100 * time.Millisecond},
		{Latency{MeanMillis: 100, Dist: Uniform}, 99500 * time.Microsecond},
		{Latency{MeanMillis: 100, Dist: Exponential}, 99500833 * time.Nanosecond},
		{Latency{MeanMillis: 0, Dist: Exponential}, 0},
	}
	for _, c := range cases {
		if got := c.l.Expected(); got != c.want {
			t.Errorf("%+v.Expected() = %v, want %v", c.l, got, c.want)
		}
	}
}
