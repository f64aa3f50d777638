package nemesis

import (
	"math/rand/v2"
	"time"
)

// NextGap is the delay before the nemesis's next operation, as Jepsen's
// stagger draws it: uniform on [0, 2·interval) seconds, at nanosecond
// resolution and truncated, so the mean gap is interval. The first nemesis
// operation is not delayed at all; callers apply NextGap between operations.
// A non-positive interval gives no delay.
func NextGap(interval float64, rng *rand.Rand) time.Duration {
	span := int64(2 * interval * float64(time.Second))
	if span <= 0 {
		return 0
	}
	return time.Duration(rng.Float64() * float64(span))
}
