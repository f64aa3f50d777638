package netsim

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"
)

// Distribution names how per-message latency is drawn (§4.1).
type Distribution string

// The three distributions Maelstrom offers.
const (
	Constant    Distribution = "constant"
	Uniform     Distribution = "uniform"
	Exponential Distribution = "exponential"
)

// Latency is the server↔server delay model: a mean in whole milliseconds and
// a distribution.
type Latency struct {
	MeanMillis int
	Dist       Distribution
}

// Validate rejects settings Maelstrom would accept but cannot run. A uniform
// distribution with mean 0 has an empty range {0 … −1}; Maelstrom's draw loops
// forever on it, so eddy refuses it up front instead of hanging.
func (l Latency) Validate() error {
	if l.MeanMillis < 0 {
		return fmt.Errorf("latency must be >= 0, got %d", l.MeanMillis)
	}
	switch l.Dist {
	case Constant, Exponential:
		return nil
	case Uniform:
		if l.MeanMillis == 0 {
			return fmt.Errorf("--latency-dist uniform needs --latency > 0 (Maelstrom would hang drawing from an empty range)")
		}
		return nil
	}
	return fmt.Errorf("unknown latency distribution %q (constant, uniform, exponential)", l.Dist)
}

// drawMillis returns one latency sample in whole milliseconds, truncated as
// Maelstrom truncates it.
func (l Latency) drawMillis(rng *rand.Rand) int64 {
	switch l.Dist {
	case Uniform:
		// Integer uniform on {0, …, 2·mean−1}: the mean of the draws is
		// mean − 0.5, as in Maelstrom.
		return int64(rng.IntN(2 * l.MeanMillis))
	case Exponential:
		if l.MeanMillis == 0 {
			return 0
		}
		return int64(rng.ExpFloat64() * float64(l.MeanMillis))
	}
	return int64(l.MeanMillis)
}

// Expected is the expected delay of one server↔server message as drawn,
// whole-millisecond draws truncated as Maelstrom truncates them:
//
//   - constant: the latency itself;
//   - uniform: draws are uniform on {0, …, 2·mean−1}, so mean − 0.5 ms;
//   - exponential: draws are ⌊X⌋ with X exponential of mean m, whose
//     expectation is 1/(e^{1/m} − 1) ms, about m − 0.5 ms.
//
// The limit takes it as its hop delay. Not the minimum: both random
// distributions can draw 0 ms, and a perfect broadcast with unlimited
// messages would send copies until one did, so a minimum-based limit would
// be 0 for every value and say nothing. Under a random latency a node can
// beat the expected delay on some values.
func (l Latency) Expected() time.Duration {
	m := float64(l.MeanMillis)
	var millis float64
	switch {
	case l.MeanMillis <= 0:
		return 0
	case l.Dist == Uniform:
		millis = m - 0.5
	case l.Dist == Exponential:
		millis = 1 / math.Expm1(1/m)
	default:
		millis = m
	}
	return time.Duration(math.Round(millis * float64(time.Millisecond)))
}
