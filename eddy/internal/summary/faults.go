package summary

import (
	"encoding/json"
	"fmt"
	"strings"

	"eddy/internal/history"
)

// Faults counts a run's process faults (§12) from its history, and names
// the nodes whose output eddy stopped reading (§1.6), which the history
// cannot tell.
type Faults struct {
	Kills       int      `json:"kills"`        // kill ops
	KilledNodes int      `json:"killed-nodes"` // nodes those ops killed
	Pauses      int      `json:"pauses"`       // pause ops
	PausedNodes int      `json:"paused-nodes"` // nodes those ops paused
	Restarts    int      `json:"restarts"`     // nodes a start launched again
	Mute        []string `json:"mute"`         // nodes eddy stopped reading, in node order
}

// FaultsOf counts the kill, pause and start ops of h and what their
// completions did, with mute as the runner saw it.
func FaultsOf(h history.History, mute []string) Faults {
	f := Faults{Mute: append([]string{}, mute...)}
	invoked := false // nemesis ops alternate invocation and completion
	for _, op := range h {
		if op.IsClient() {
			continue
		}
		invoked = !invoked
		if invoked {
			switch op.F {
			case history.FKill:
				f.Kills++
			case history.FPause:
				f.Pauses++
			}
			continue
		}
		out, ok := op.OutcomesValue()
		if !ok {
			continue
		}
		for _, outcome := range out.Of {
			switch outcome {
			case history.Killed:
				f.KilledNodes++
			case history.Paused:
				f.PausedNodes++
			case history.Started:
				f.Restarts++
			}
		}
	}
	return f
}

// text is the summary's faults line.
func (f Faults) text() string {
	mute := "none"
	if len(f.Mute) > 0 {
		mute = fmt.Sprintf("%d (%s)", len(f.Mute), strings.Join(f.Mute, " "))
	}
	return fmt.Sprintf("kill %d (%s), pause %d (%s), restart %d; mute %s",
		f.Kills, plural(f.KilledNodes, "node"), f.Pauses, plural(f.PausedNodes, "node"), f.Restarts, mute)
}

// JSON is faults.json: the counts and the mute nodes, indented, ending
// with a newline.
func (f Faults) JSON() []byte {
	raw, _ := json.MarshalIndent(f, "", "  ")
	return append(raw, '\n')
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
