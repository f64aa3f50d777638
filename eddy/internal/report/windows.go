package report

import "time"

// window picks the bucket width for the quantile and rate plots. Jepsen
// uses fixed 30 s and 10 s buckets, which give a 20 s Maelstrom run two or
// three points; eddy instead aims for about twenty buckets across the run,
// rounded to a round width.
func window(end int64) int64 {
	steps := []time.Duration{
		250 * time.Millisecond, 500 * time.Millisecond, time.Second, 2 * time.Second,
		5 * time.Second, 10 * time.Second, 30 * time.Second, time.Minute,
	}
	for _, s := range steps {
		if end/int64(s) <= 20 {
			return int64(s)
		}
	}
	return int64(steps[len(steps)-1])
}

// windowCentre is the x at which bucket i is plotted, in seconds.
func windowCentre(i int, width int64) float64 {
	return nanosToSeconds(int64(i)*width + width/2)
}
