package faults

import (
	"math"
	"sort"

	"eddy/internal/history"
)

// Open is the To of a fault still in force when the history ends.
const Open = int64(math.MaxInt64)

// Interval is [From, To) in nanoseconds of history time.
type Interval struct{ From, To int64 }

// Contains reports whether t falls in the interval.
func (i Interval) Contains(t int64) bool { return i.From <= t && t < i.To }

// Partition is one partition: in force from its start-partition's
// completion to the completion of the stop-partition that healed it.
type Partition struct {
	Interval
	Spec   string           // the invocation's value, e.g. ":majority"
	Grudge history.Isolated // who drops whom, and its printed form
}

// Drops reports whether, under the partition, dest drops what src sends.
func (p Partition) Drops(dest, src string) bool {
	for _, s := range p.Grudge.Drops[dest] {
		if s == src {
			return true
		}
	}
	return false
}

// ProcessFault is one kill (history.FKill) or pause (history.FPause): in
// force from its completion to the completion of the next start (for a
// kill) or resume (for a pause), as Jepsen's perf plots shade them.
type ProcessFault struct {
	F string // history.FKill or history.FPause
	Interval
	Target string   // the invocation's value as printed: ":majority", "nil", …
	Nodes  []string // the nodes its completion reports killed or paused, in node order
}

// Counts are the process faults as the summary and faults.json count
// them: ops, and the nodes their completions report.
type Counts struct {
	Kills       int // kill ops
	KilledNodes int // nodes those ops killed
	Pauses      int // pause ops
	PausedNodes int // nodes those ops paused
	Restarts    int // nodes a start launched again
}

// Timeline is a run's faults in time order.
type Timeline struct {
	Partitions []Partition    // in time order, never overlapping
	Processes  []ProcessFault // kills and pauses, by the time they began
	Counts     Counts
	nodes      []string              // every node the history names, in order
	down       map[string][]Interval // per node, in time order, disjoint
}

// PartitionAt is the partition in force at t, if any.
func (t *Timeline) PartitionAt(at int64) (Partition, bool) {
	i := sort.Search(len(t.Partitions), func(i int) bool { return t.Partitions[i].From > at }) - 1
	if i >= 0 && t.Partitions[i].Contains(at) {
		return t.Partitions[i], true
	}
	return Partition{}, false
}

// Downs are the spans during which node was down, in time order.
func (t *Timeline) Downs(node string) []Interval { return t.down[node] }

// Down reports whether node was down (killed, crashed or paused) at t.
func (t *Timeline) Down(node string, at int64) bool { return t.UpAt(node, at) != at }

// UpAt is the earliest time at or after t at which node is up; Open if it
// is down from then to the end.
func (t *Timeline) UpAt(node string, at int64) int64 {
	for _, s := range t.down[node] {
		if at < s.From {
			return at
		}
		if at < s.To {
			at = s.To
		}
	}
	return at
}

// Hear reports whether, at t, a and b can hear each other: neither is
// down, and the partition in force (if any) drops nothing between them.
func (t *Timeline) Hear(a, b string, at int64) bool {
	if t.Down(a, at) || t.Down(b, at) {
		return false
	}
	p, cut := t.PartitionAt(at)
	return !cut || (!p.Drops(a, b) && !p.Drops(b, a))
}

// Nodes lists the nodes the timeline knows: those given to Of, then any
// other the history names, by name.
func (t *Timeline) Nodes() []string { return t.nodes }
