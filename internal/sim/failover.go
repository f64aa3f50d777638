package sim

import (
	"fmt"
	"strings"
)

// hubWatch checks that no node fails over away from a hub it could reach:
// that a "hub X -> Y: failover" note (actor's tree.go) only ever follows a
// real disturbance between the node and X (a cut either way, or either
// process down) within the last window ticks. A failover from an honest
// hub that was merely slow (a long or exponential latency) is the bug it
// catches: the node then sends its whole store around for nothing.
//
// It is meaningful only without random drops or failing disks, which can
// make an honest hub look dead; WatchFailovers is for such scenarios.
type hubWatch struct {
	window    int64
	disturbed map[[2]string]int64 // per pair of nodes (sorted): last tick they could not talk
	failovers int                 // every failover noted
	reachable int                 // those away from a reachable hub
	became    []string            // the nodes that became hubs, in order, for any reason
}

// WatchFailovers has the run check every failover against the partitions
// and process faults of the last window ticks (see hubWatch).
func (s *Sim) WatchFailovers(window int64) {
	s.hubs = &hubWatch{window: window, disturbed: make(map[[2]string]int64)}
	s.hubs.observe(s)
}

// Failovers returns how many failovers the watched run noted, and how
// many of them left a hub the node could reach.
func (s *Sim) Failovers() (all, reachable int) {
	if s.hubs == nil {
		return 0, 0
	}
	return s.hubs.failovers, s.hubs.reachable
}

// BecameHubs returns the nodes of the watched run that became hubs, in
// order, whatever the reason.
func (s *Sim) BecameHubs() []string {
	if s.hubs == nil {
		return nil
	}
	return s.hubs.became
}

func pair(a, b string) [2]string {
	if a > b {
		a, b = b, a
	}
	return [2]string{a, b}
}

// observe records the pairs that cannot talk at this tick.
func (w *hubWatch) observe(s *Sim) {
	if w == nil {
		return
	}
	for i, a := range s.ids {
		for _, b := range s.ids[i+1:] {
			down := s.procs[a].state != procUp || s.procs[b].state != procUp
			if down || s.cut.blocks(a, b) || s.cut.blocks(b, a) {
				w.disturbed[pair(a, b)] = s.now
			}
		}
	}
}

// noted checks one note of node from.
func (w *hubWatch) noted(s *Sim, from, note string) {
	if w == nil {
		return
	}
	var old, to string
	if _, err := fmt.Sscanf(note, "hub %s -> %s", &old, &to); err != nil {
		return
	}
	if strings.TrimSuffix(to, ":") == from {
		w.became = append(w.became, from)
	}
	if !strings.HasSuffix(note, ": failover") {
		return
	}
	w.failovers++
	last, ok := w.disturbed[pair(from, old)]
	if ok && s.now-last <= w.window {
		return
	}
	w.reachable++
	s.fail("failover", "%s failed over away from %s (%q), which it could reach: the two were last cut off %s",
		from, old, note, since(ok, s.now-last))
}

func since(ok bool, ticks int64) string {
	if !ok {
		return "never"
	}
	return fmt.Sprintf("%d ticks ago", ticks)
}
