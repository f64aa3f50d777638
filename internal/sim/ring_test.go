package sim

import (
	"slices"
	"testing"

	"rumor/actor"
	"rumor/messages"
)

// ringDelivery loads a Star cluster, starts a majorities ring and keeps it
// in force for cutTicks, and returns, for each value acknowledged to a client
// while the ring was in force (except the last budget ticks), how many ticks
// after its acknowledgement every node held it; -1 for a value that never
// got everywhere before the ring ended. Values are sorted, so the -1s come first.
func ringDelivery(t *testing.T, seed int64, nodes int, cutTicks, budget int64) []int64 {
	t.Helper()
	sc := Scenario{Seed: seed, Nodes: nodes, Clients: nodes, Config: actor.DefaultConfig(),
		Faults: Faults{MaxLatency: 10}, OpTicks: 1, ReadPercent: 50}
	s, err := New(sc, NewRand(seed), nil)
	if err != nil {
		t.Fatal(err)
	}
	s.Setup()
	s.StartLoad()
	s.Run(200)
	s.startPartition(shapeMajoritiesRing)
	start := s.now
	ackedAt := make(map[messages.Value]int64)
	holders := make(map[messages.Value]int)
	doneAt := make(map[messages.Value]int64)
	seen := make(map[string]int)
	for s.now-start < cutTicks {
		s.Step()
		if s.err != nil {
			t.Fatalf("seed %d: %v", seed, s.err)
		}
		for _, v := range s.work.ackedList {
			if _, ok := ackedAt[v]; !ok {
				ackedAt[v] = s.now
			}
		}
		for _, id := range s.ids {
			vs := s.nodes[id].Values()
			for _, v := range vs[seen[id]:] {
				holders[v]++
				if holders[v] == nodes {
					doneAt[v] = s.now
				}
			}
			seen[id] = len(vs)
		}
	}
	var lat []int64
	for v, at := range ackedAt {
		if at <= start || at > start+cutTicks-budget {
			continue
		}
		if d, ok := doneAt[v]; ok {
			lat = append(lat, max(d-at, 0))
		} else {
			lat = append(lat, -1)
		}
	}
	slices.Sort(lat)
	return lat
}

// ringBound is how many ticks after its acknowledgement a value may take to
// reach every node while a majorities ring is in force. The ring leaves every
// node a majority, and every two majorities share a node, so two hops (20
// ticks at most here) is what the network allows; a value that crosses
// from one hub's reach into another's goes through a relay that batches,
// and a node cut off from its hub fails over first (FailoverTicks). Before
// relays passed their own clients' values on to the nodes they serve, some
// values waited for the heal.
const ringBound = 600

// TestDeliveryUnderMajoritiesRing bounds the delivery time of values
// broadcast while a majorities ring is in force, not only after it heals.
func TestDeliveryUnderMajoritiesRing(t *testing.T) {
	for seed := int64(1); seed <= 6; seed++ {
		lat := ringDelivery(t, seed, 25, 2000, ringBound)
		if len(lat) == 0 {
			t.Fatalf("seed %d: no value acknowledged during the ring", seed)
		}
		if lat[0] < 0 {
			t.Errorf("seed %d: a value acknowledged during the ring had not reached every node %d ticks later", seed, ringBound)
		}
		if worst := lat[len(lat)-1]; worst > ringBound {
			t.Errorf("seed %d: a value took %d ticks to reach every node, over %d", seed, worst, ringBound)
		}
	}
}
