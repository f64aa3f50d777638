package sim

import (
	"slices"
	"strconv"
)

// checkInvariants checks, after every tick, that each node's state is
// bounded by the values it holds: no link owes a peer more values than the
// node holds, and no node holds more values than clients ever sent. Retries
// and elapsed time must never make state grow.
func (s *Sim) checkInvariants() {
	sent := len(s.work.sent)
	for _, id := range s.ids {
		n := s.nodes[id]
		held := len(n.Values())
		if held > sent {
			s.fail("bounded", "%s holds %d values but clients sent only %d distinct ones", id, held, sent)
		}
		owedTo := n.Unacked()
		// Sorted, so that when several links break the bound the same one is
		// reported on every replay.
		for _, peer := range sortedKeys(owedTo) {
			if owed := owedTo[peer]; owed > held {
				s.fail("bounded", "%s owes %s %d values but holds only %d", id, peer, owed, held)
			}
		}
	}
}

// quiescent reports whether the cluster has nothing left to do: no request
// unanswered, no message in flight, and no value any node still owes a peer.
func (s *Sim) quiescent() bool {
	if s.work.busy() || !s.net.empty() {
		return false
	}
	for _, id := range s.ids {
		if len(s.nodes[id].Unacked()) > 0 {
			return false
		}
	}
	return true
}

// owed describes every node's unacknowledged state, sorted, for reports.
func (s *Sim) owed() []string {
	var out []string
	for _, id := range s.ids {
		u := s.nodes[id].Unacked()
		for _, p := range sortedKeys(u) {
			out = append(out, id+"→"+p+":"+strconv.Itoa(u[p]))
		}
	}
	return out
}

// sortedKeys returns m's keys in order.
func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
