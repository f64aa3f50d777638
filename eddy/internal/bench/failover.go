package bench

import (
	"sort"
	"strings"
	"time"

	"eddy/internal/faults"
)

// HubChange is one "rumor: hub <old> -> <new>: <reason>" line a node
// wrote to stderr (see the package comment).
type HubChange struct {
	At       time.Time // the line's wall-clock time
	Node     string    // the node whose log it is
	Old, New string    // its hub before and after
	Reason   string    // "failover", "failback", …
}

// Failover is the reason of a hub change that gave up on an unresponsive
// hub; only these are counted.
const Failover = "failover"

// ParseHubChange reads one stderr line of node; false when the line is not
// a hub change under the contract.
func ParseHubChange(node, line string) (HubChange, bool) {
	stamp, rest, ok := strings.Cut(line, " ")
	if !ok {
		return HubChange{}, false
	}
	at, err := time.Parse(time.RFC3339Nano, stamp)
	if err != nil {
		return HubChange{}, false
	}
	rest, ok = strings.CutPrefix(rest, "rumor: hub ")
	if !ok {
		return HubChange{}, false
	}
	hubs, reason, ok := strings.Cut(rest, ": ")
	if !ok {
		return HubChange{}, false
	}
	old, hub, ok := strings.Cut(hubs, " -> ")
	if !ok || old == "" || hub == "" || strings.Contains(hub, " ") || strings.Contains(old, " ") {
		return HubChange{}, false
	}
	return HubChange{At: at, Node: node, Old: old, New: hub, Reason: reason}, true
}

// HubChanges reads every hub change out of the nodes' stderr logs (node
// id → lines), in time order.
func HubChanges(logs map[string][]string) []HubChange {
	var out []HubChange
	for node, lines := range logs {
		for _, line := range lines {
			if c, ok := ParseHubChange(node, line); ok {
				out = append(out, c)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].At.Equal(out[j].At) {
			return out[i].At.Before(out[j].At)
		}
		return out[i].Node < out[j].Node
	})
	return out
}

// CountFailovers counts the failovers among changes, and those away from
// a hub the node could hear at that moment: start is the wall-clock moment
// of history time 0, and tl the run's fault timeline (package faults,
// whose interval rule decides the moments at a fault's edges).
func CountFailovers(changes []HubChange, tl *faults.Timeline, start time.Time) Failovers {
	var f Failovers
	for _, c := range changes {
		if c.Reason != Failover {
			continue
		}
		f.All++
		if tl.Hear(c.Node, c.Old, int64(c.At.Sub(start))) {
			f.Reachable++
		}
	}
	return f
}
