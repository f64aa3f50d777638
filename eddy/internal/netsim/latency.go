package netsim

import (
	"fmt"
	"math/rand/v2"
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
