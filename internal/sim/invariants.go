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
// unanswered, no message in flight, every node running, and no node that
// still owes a peer a value, probes a peer, waits for a peer's promised
// message or the answer to a hello (Waiting), or waits for its fence. A mute
// node counts as quiet: nobody hears it any more.
func (s *Sim) quiescent() bool {
	if s.work.busy() || !s.net.empty() {
		return false
	}
	for _, id := range s.ids {
		n := s.nodes[id]
		if s.procs[id].state != procUp {
			return false
		}
		if !s.mute[id] && (len(n.Unacked()) > 0 || len(n.Probing()) > 0 || len(n.Waiting()) > 0 || n.Fenced()) {
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
		for _, p := range s.nodes[id].Probing() {
			out = append(out, id+"→"+p+":probe")
		}
		if s.nodes[id].Fenced() {
			out = append(out, id+":fenced")
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
