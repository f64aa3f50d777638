package bench

import (
	"testing"
	"time"

	"eddy/internal/faults"
	"eddy/internal/history"
	"eddy/internal/journal"
)

func TestHubChangeLinesFollowTheContract(t *testing.T) {
	at := time.Date(2026, 12, 3, 17, 3, 59, 190123456, time.UTC)
	for _, c := range []struct {
		line string
		want HubChange
		ok   bool
	}{
		{"2026-12-03T17:03:59.190123456Z rumor: hub n3 -> n5: failover", HubChange{At: at, Node: "n1", Old: "n3", New: "n5", Reason: "failover"}, true},
		{"2026-12-03T17:03:59.190123456Z rumor: hub n5 -> n3: failback", HubChange{At: at, Node: "n1", Old: "n5", New: "n3", Reason: "failback"}, true},
		{"2026-12-03T17:03:59.190123456Z rumor: loaded 7 values", HubChange{}, false},
		{"rumor: hub n3 -> n5: failover", HubChange{}, false},
		{"yesterday rumor: hub n3 -> n5: failover", HubChange{}, false},
		{"2026-12-03T17:03:59.190123456Z rumor: hub n3 n5: failover", HubChange{}, false},
		{"", HubChange{}, false},
	} {
		got, ok := ParseHubChange("n1", c.line)
		if ok != c.ok || (ok && (got != c.want || !got.At.Equal(c.want.At))) {
			t.Errorf("ParseHubChange(%q) = %+v, %v; want %+v, %v", c.line, got, ok, c.want, c.ok)
		}
	}
}

// Without a journal, a failover counts as away from a reachable hub when,
// at its moment, the node and its old hub heard each other: no partition
// between them, and neither killed nor paused.
// failoverStart is history time 0 of the failover tests' runs.
var failoverStart = time.Date(2026, 12, 3, 17, 0, 0, 0, time.UTC)

// sec is s seconds of history time.
func sec(s float64) int64 { return int64(s * float64(time.Second)) }

// nem is a nemesis op at history time at.
func nem(at int64, f string, v history.Value) history.Op {
	return history.Op{Time: at, Type: history.Info, Process: history.NemesisProcess, F: f, Value: v}
}

// cutBetween is a history whose partition cuts a from b from 1 s to 3 s.
func cutBetween(a, b string) history.History {
	cut := history.Isolated{Drops: map[string][]string{a: {b}, b: {a}}, Text: "[:isolated …]"}
	return history.History{
		nem(sec(1), history.FStartPartition, history.EDN(":one")), nem(sec(1), history.FStartPartition, cut),
		nem(sec(3), history.FStopPartition, nil), nem(sec(3), history.FStopPartition, history.EDN(":network-healed")),
	}
}

func TestFailoversAwayFromAReachableHub(t *testing.T) {
	start := failoverStart
	h := append(cutBetween("n0", "n2"),
		nem(sec(4), history.FPause, history.EDN(":one")), nem(sec(4), history.FPause, history.Outcomes{Of: map[string]string{"n1": history.Paused}}),
		nem(sec(5), history.FResume, history.EDN(":all")), nem(sec(5), history.FResume, history.Outcomes{Of: map[string]string{"n1": history.Resumed}}),
	)
	tl := faults.Of(h, []string{"n0", "n1", "n2"})
	logs := map[string][]string{
		"n0": {
			start.Add(2*time.Second).Format(time.RFC3339Nano) + " rumor: hub n2 -> n1: failover", // n2 cut off: honest
			start.Add(2*time.Second).Format(time.RFC3339Nano) + " rumor: hub n1 -> n2: failover", // n1 reachable
			start.Add(3500*time.Millisecond).Format(time.RFC3339Nano) + " rumor: hub n2 -> n1: failback",
		},
		"n2": {
			start.Add(4500*time.Millisecond).Format(time.RFC3339Nano) + " rumor: hub n1 -> n0: failover", // n1 paused: honest
			start.Add(6*time.Second).Format(time.RFC3339Nano) + " rumor: hub n0 -> n1: failover",         // healed: reachable
			"not a hub line",
		},
	}
	changes := HubChanges(logs)
	if len(changes) != 5 || changes[0].Node != "n0" || changes[4].Node != "n2" {
		t.Fatalf("changes %+v", changes)
	}
	if got := CountFailovers(changes, &tl, start, nil); got != (Failovers{All: 4, Reachable: 2}) {
		t.Errorf("failovers %+v, want 4 of which 2 away from a reachable hub", got)
	}
	if got := CountFailovers(nil, &tl, start, nil); got != (Failovers{}) {
		t.Errorf("a node without hub lines: %+v", got)
	}
}

// With the journal, a failover just after a heal is not counted when the
// node's last message to its hub was dropped by the cut: the node gave up
// on what the cut did, and nothing could have told it of the heal in time.
// One whose last message reached the hub is counted.
func TestAFailoverAnsweringADroppedMessageIsNotAwayFromAReachableHub(t *testing.T) {
	start := failoverStart
	nodes := []string{"n0", "n1", "n2"}
	tl := faults.Of(cutBetween("n1", "n0"), nodes)
	events := []journal.Event{
		{T: sec(2.5), Ev: journal.Send, ID: 1, Src: "n1", Dest: "n0", Type: "gossip"},
		{T: sec(2.6), Ev: journal.Drop, ID: 1, Src: "n1", Dest: "n0", Type: "gossip", Dropped: true},
		{T: sec(3.5), Ev: journal.Send, ID: 2, Src: "n2", Dest: "n0", Type: "gossip"},
		{T: sec(3.6), Ev: journal.Recv, ID: 2, Src: "n2", Dest: "n0", Type: "gossip"},
		{T: sec(3.7), Ev: journal.Send, ID: 3, Src: "c0", Dest: "n1", Type: "read"},
		{T: sec(4.5), Ev: journal.Send, ID: 4, Src: "n1", Dest: "n0", Type: "gossip"}, // after the failover
		{T: sec(4.6), Ev: journal.Drop, ID: 4, Src: "n1", Dest: "n0", Type: "gossip", Dropped: true},
	}
	sends := SendsOf(events, nodes)
	if got := len(sends[Link{"n1", "n0"}]); got != 2 || !sends[Link{"n1", "n0"}][0].Dropped {
		t.Fatalf("sends %+v", sends)
	}
	line := func(at float64, old string) string {
		return start.Add(time.Duration(sec(at))).Format(time.RFC3339Nano) + " rumor: hub " + old + " -> n2: failover"
	}
	changes := HubChanges(map[string][]string{
		"n1": {line(3.4, "n0")}, // healed 0.4 s before, but its last message (2.5 s) was dropped
		"n2": {line(4, "n0")},   // its last message reached n0
	})
	if got := CountFailovers(changes, &tl, start, sends); got != (Failovers{All: 2, Reachable: 1}) {
		t.Errorf("failovers %+v, want 2 of which 1 (n2's) away from a reachable hub", got)
	}
	if got := CountFailovers(changes, &tl, start, nil); got != (Failovers{All: 2, Reachable: 2}) {
		t.Errorf("without a journal: %+v, want both by the moment alone", got)
	}
}
