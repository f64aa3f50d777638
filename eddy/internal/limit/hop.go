package limit

import (
	"math"
	"time"

	"eddy/internal/netsim"
)

// HopFor is the delay of one hop of the perfect broadcast under a latency
// model: the expected value of one message's latency as the network draws
// it, in whole-millisecond draws truncated as Maelstrom truncates them.
//
//   - constant: the latency itself;
//   - uniform: draws are uniform on {0, …, 2·mean−1}, so mean − 0.5 ms;
//   - exponential: draws are ⌊X⌋ with X exponential of mean m, whose
//     expectation is 1/(e^{1/m} − 1) ms, about m − 0.5 ms.
//
// Not the minimum: both random distributions can draw 0 ms, and with
// unlimited messages a perfect broadcast would send copies until one did,
// so a minimum-based limit would be 0 for every value and say nothing. The
// expected delay is the limit with average luck; under a random latency a
// node can beat it on some values, and the excess can then be negative.
func HopFor(l netsim.Latency) time.Duration {
	m := float64(l.MeanMillis)
	var millis float64
	switch {
	case l.MeanMillis <= 0:
		return 0
	case l.Dist == netsim.Uniform:
		millis = m - 0.5
	case l.Dist == netsim.Exponential:
		millis = 1 / math.Expm1(1/m)
	default:
		millis = m
	}
	return time.Duration(math.Round(millis * float64(time.Millisecond)))
}
