package analysis

import "eddy/internal/faults"

// Faults counts a run's process faults (§12) from its fault timeline, and
// names the nodes whose output eddy stopped reading (§1.6), which the
// history cannot tell. It is faults.json's content.
type Faults struct {
	Kills       int      `json:"kills"`        // kill ops
	KilledNodes int      `json:"killed-nodes"` // nodes those ops killed
	Pauses      int      `json:"pauses"`       // pause ops
	PausedNodes int      `json:"paused-nodes"` // nodes those ops paused
	Restarts    int      `json:"restarts"`     // nodes a start launched again
	Mute        []string `json:"mute"`         // nodes eddy stopped reading, in node order
}

func faultsOf(c faults.Counts, mute []string) Faults {
	return Faults{
		Kills: c.Kills, KilledNodes: c.KilledNodes, Pauses: c.Pauses, PausedNodes: c.PausedNodes, Restarts: c.Restarts,
		Mute: append([]string{}, mute...), // never null in faults.json
	}
}
