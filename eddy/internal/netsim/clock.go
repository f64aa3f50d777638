package netsim

import (
	"sync/atomic"
	"time"
)

// clock measures nanoseconds on the monotonic clock since the network was
// made. Deadlines and journal times use this raw reading, which never
// jumps. The run's relative clock (history time 0, set just before
// topology) is a fixed offset from it, kept in zero.
type clock struct {
	origin time.Time
	zero   atomic.Int64 // raw reading that counts as history time 0
	marked atomic.Bool  // markZero has been called
}

func newClock() *clock { return &clock{origin: time.Now()} }

// raw is nanoseconds since the network was made.
func (c *clock) raw() int64 { return int64(time.Since(c.origin)) }

// relative is nanoseconds since the zero mark (since creation until
// markZero is called).
func (c *clock) relative() int64 { return c.raw() - c.zero.Load() }

// started reports whether markZero has been called: the test proper has
// begun.
func (c *clock) started() bool { return c.marked.Load() }

// markZero makes the present moment history time 0 and returns the raw
// reading it chose.
func (c *clock) markZero() int64 {
	now := c.raw()
	c.zero.Store(now)
	c.marked.Store(true)
	return now
}
