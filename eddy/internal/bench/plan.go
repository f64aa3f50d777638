package bench

import (
	"fmt"
	"strconv"
	"strings"
)

// ParsePlan reads a comma-separated list of scenario names, each
// optionally followed by "=seeds" (for example "3d=5,3d-partition=10"),
// into those scenarios with their seed counts, in the order given. A name
// without a count keeps its scenario's default.
func ParsePlan(list string) ([]Scenario, error) {
	var plan []Scenario
	for _, item := range strings.Split(list, ",") {
		name, count, hasCount := strings.Cut(strings.TrimSpace(item), "=")
		sc, ok := ScenarioNamed(name)
		if !ok {
			return nil, fmt.Errorf("unknown scenario %q (known: %s)", name, scenarioNames())
		}
		if hasCount {
			n, err := strconv.Atoi(count)
			if err != nil || n < 1 {
				return nil, fmt.Errorf("scenario %s: seed count %q is not a positive number", name, count)
			}
			sc.Seeds = n
		}
		plan = append(plan, sc)
	}
	return plan, nil
}

// ParseSizes reads a comma-separated list of node counts ("25,50,100")
// into scale scenarios of seeds runs each.
func ParseSizes(list string, seeds int) ([]Scenario, error) {
	var scs []Scenario
	for _, item := range strings.Split(list, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(item))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("node count %q is not a positive number", item)
		}
		sc := Scale(n)
		sc.Seeds = seeds
		scs = append(scs, sc)
	}
	return scs, nil
}

// WithTimeLimit returns the scenarios with their runs shortened (or
// lengthened) to seconds; 0 leaves them as they are.
func WithTimeLimit(scs []Scenario, seconds int) []Scenario {
	out := make([]Scenario, len(scs))
	for i, sc := range scs {
		if seconds > 0 {
			sc.Shape.TimeLimit = seconds
		}
		out[i] = sc
	}
	return out
}

func scenarioNames() string {
	var names []string
	for _, s := range Scenarios {
		names = append(names, s.Name)
	}
	return strings.Join(names, ", ")
}
