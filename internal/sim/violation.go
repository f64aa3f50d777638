package sim

import "fmt"

// Violation is a property the run broke, with enough to replay it.
type Violation struct {
	Seed     int64
	Tick     int64
	Property string // a short name: "read", "drain", "bounded", …
	Detail   string
}

// Error implements error.
func (v *Violation) Error() string {
	return fmt.Sprintf("seed %d, tick %d: %s: %s", v.Seed, v.Tick, v.Property, v.Detail)
}
