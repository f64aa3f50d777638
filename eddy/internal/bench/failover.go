package bench

import (
	"sort"
	"strings"
	"time"

	"eddy/internal/faults"
	"eddy/internal/journal"
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

// Link is a sender and a destination.
type Link struct{ From, To string }

// Sent is one message as the network journal recorded it: when it was
// sent (history time, ns) and whether a fault dropped it.
type Sent struct {
	At      int64
	Dropped bool
}

// Sends are a run's messages between nodes, per link in send order: what a
// failover is judged by (CountFailovers). A nil Sends records nothing.
type Sends map[Link][]Sent

// SendsOf gathers the sends between nodes (both ends in nodes) from a
// journal's events, marking those a drop event names as dropped.
func SendsOf(events []journal.Event, nodes []string) Sends {
	isNode := make(map[string]bool, len(nodes))
	for _, n := range nodes {
		isNode[n] = true
	}
	type place struct {
		link Link
		i    int
	}
	s := Sends{}
	byID := map[int64]place{}
	for _, e := range events {
		if !isNode[e.Src] || !isNode[e.Dest] {
			continue
		}
		l := Link{e.Src, e.Dest}
		switch e.Ev {
		case journal.Send:
			byID[e.ID] = place{l, len(s[l])}
			s[l] = append(s[l], Sent{At: e.T})
		case journal.Drop:
			if p, ok := byID[e.ID]; ok {
				s[p.link][p.i].Dropped = true
			}
		}
	}
	for _, sent := range s {
		sort.SliceStable(sent, func(i, j int) bool { return sent[i].At < sent[j].At })
	}
	return s
}

// lastBefore is the last message sent on l before at, if any.
func (s Sends) lastBefore(l Link, at int64) (Sent, bool) {
	sent := s[l]
	i := sort.Search(len(sent), func(i int) bool { return sent[i].At >= at })
	if i == 0 {
		return Sent{}, false
	}
	return sent[i-1], true
}

// CountFailovers counts the failovers among changes, and those away from
// a reachable hub: start is the wall-clock moment of history time 0, tl
// the run's fault timeline (package faults, whose interval rule decides
// the moments at a fault's edges), and sends the run's messages between
// nodes. A failover is away from a reachable hub when, at its moment, the
// node and its old hub could hear each other, and the last message the
// node sent that hub before it was not dropped: the hub heard what the
// node last sent and the node gave up on it all the same. A failover
// whose last message to the hub a cut dropped was the node's answer to
// that loss, even if the cut healed before it gave up (its evidence came
// from the cut, and no message could tell it of the heal in time).
// Without sends (nil), the moment alone decides.
func CountFailovers(changes []HubChange, tl *faults.Timeline, start time.Time, sends Sends) Failovers {
	var f Failovers
	for _, c := range changes {
		if c.Reason != Failover {
			continue
		}
		f.All++
		at := int64(c.At.Sub(start))
		if !tl.Hear(c.Node, c.Old, at) {
			continue
		}
		if last, ok := sends.lastBefore(Link{c.Node, c.Old}, at); ok && last.Dropped {
			continue
		}
		f.Reachable++
	}
	return f
}
