package report

import "eddy/internal/history"

// partition is one interval during which the nemesis had the network cut.
type partition struct {
	Start, End int64  // ns on the history clock; End is the heal's invocation
	Spec       string // the invocation's value, e.g. ":majority"
	Grudge     string // the completion's value: who could not hear whom
}

// partitions reads the nemesis ops. The nemesis logs each step twice (an
// invocation, then a completion, both :info), so a start-partition op is an
// invocation when no partition is open and a completion otherwise. A
// partition still open at the end of the history ends at end.
func partitions(h history.History, end int64) []partition {
	var out []partition
	open := -1 // index in out of the partition in force, or -1
	healing := false
	for _, op := range h {
		if op.IsClient() {
			continue
		}
		switch op.F {
		case history.FStartPartition:
			if open < 0 {
				out = append(out, partition{Start: op.Time, End: end, Spec: text(op.Value)})
				open = len(out) - 1
			} else {
				out[open].Grudge = text(op.Value)
			}
		case history.FStopPartition:
			if healing = !healing; healing && open >= 0 {
				out[open].End = op.Time
				open = -1
			}
		}
	}
	return out
}

// text renders a nemesis value for a label.
func text(v history.Value) string {
	switch x := v.(type) {
	case history.EDN:
		return string(x)
	case history.Isolated:
		return x.Text
	}
	return ""
}
