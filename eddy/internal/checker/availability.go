package checker

import (
	"fmt"
	"strconv"

	"eddy/internal/history"
)

// Validate reports whether the options are ones Maelstrom accepts:
// --availability must be absent, "total" or a number in [0, 1].
func (o Options) Validate() error {
	switch o.Availability {
	case "", "total":
		return nil
	}
	a, err := strconv.ParseFloat(o.Availability, 64)
	if err != nil || a < 0 || a > 1 {
		return fmt.Errorf("--availability must be \"total\" or a number between 0 and 1, got %q", o.Availability)
	}
	return nil
}

// checkAvailability is Maelstrom's availability checker: the fraction of
// invocations that completed :ok, held against the --availability goal.
func checkAvailability(h history.History, goal string) (Availability, error) {
	var oks, invokes int64
	for _, op := range h {
		// Jepsen counts every :ok and :invoke op; nemesis ops are never
		// either there, so leaving them out is the same count whichever
		// type eddy records them with.
		if !op.IsClient() {
			continue
		}
		switch op.Type {
		case history.OK:
			oks++
		case history.Invoke:
			invokes++
		}
	}
	a := Availability{Valid: True}
	if invokes == 0 {
		a.NoInvokes, a.OKFraction = true, 1
	} else {
		a.OKFraction = ratioFloat32(oks, invokes)
	}
	switch goal {
	case "":
	case "total":
		a.Valid = fromBool(a.OKFraction == 1)
	default:
		want, err := strconv.ParseFloat(goal, 64)
		if err != nil {
			//lint:ignore ST1005 Maelstrom's own words: the results map prints them.
			return Availability{}, fmt.Errorf("Don't know how to handle :availability %q", goal)
		}
		// Clojure compares the double goal with the float fraction widened
		// to double, so a goal of 0.9 is not met by a fraction of exactly
		// 0.9f (0.89999998…).
		a.Valid = fromBool(want <= float64(a.OKFraction))
	}
	return a, nil
}
