package sim

import (
	"fmt"
	"slices"
	"testing"

	"rumor/actor"
	"rumor/messages"
)

// healRun partitions a loaded Star cluster with the given shape for a while,
// heals it, and returns how many ticks after the heal every node held every
// value clients were told was accepted, or -1 if that took longer than
// budget ticks.
func healRun(t *testing.T, seed int64, nodes int, sh shape, cutTicks, budget int64) (int64, *Sim) {
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
	s.startPartition(sh)
	s.Run(cutTicks)
	s.StopLoad()
	s.Heal()
	for ticks := int64(0); ticks <= budget; ticks++ {
		if s.err != nil {
			t.Fatalf("%v\nreplay: go test ./internal/sim -run 'TestDeliveryAfterHeal$' -v (seed %d, %d nodes, %s)", s.err, seed, nodes, sh)
		}
		if !s.work.busy() && s.allHoldAll() {
			return ticks, s
		}
		s.Step()
	}
	return -1, s
}

// allHoldAll reports whether every node holds every acknowledged value.
func (s *Sim) allHoldAll() bool {
	for _, id := range s.ids {
		held := make(map[messages.Value]bool)
		for _, v := range s.nodes[id].Values() {
			held[v] = true
		}
		for _, v := range s.work.ackedList {
			if !held[v] {
				return false
			}
		}
	}
	return true
}

// TestDeliveryAfterHeal bounds the time from a heal to full delivery, for
// each of Maelstrom's four partition shapes and the simulator's asymmetric
// ones, on 5 and 25 nodes: not only must every value arrive, it must arrive
// within a bound set by the protocol's reaction to a heal, not by its
// retransmission backoff.
//
// The bounds: the first retry across the old cut (at most a retransmission
// cap away, far less when many links retry out of step) tells its receiver
// the network is back; that node retries all its stalled links at once and
// acks at once, so a couple of hops later every hub has re-sent its backlog,
// and a batch interval and a hop after that every node has it. So every run
// must finish within the cap plus a batch and four hops, and the median run
// within a batch and four hops: a protocol that waited for its backoff (as
// rumor once did) has a median near the cap.
func TestDeliveryAfterHeal(t *testing.T) {
	cfg := actor.DefaultConfig()
	maxLatency := int64(10)
	bound := cfg.MaxRetransmitTicks + cfg.BatchTicks + 4*maxLatency
	medianBound := cfg.BatchTicks + 4*maxLatency
	for _, nodes := range []int{5, 25} {
		for _, sh := range allShapes {
			t.Run(fmt.Sprintf("%d/%s", nodes, sh), func(t *testing.T) {
				t.Parallel()
				var took []int64
				for seed := int64(1); seed <= 8; seed++ {
					cut := 100 + (seed*137)%900 // 1 to 10 simulated seconds
					ticks, _ := healRun(t, seed, nodes, sh, cut, bound)
					if ticks < 0 {
						t.Errorf("seed %d: not every node held every value %d ticks after the heal (cut for %d ticks)\nreplay: go test ./internal/sim -run 'TestDeliveryAfterHeal/%d/%s$' -v",
							seed, bound, cut, nodes, sh)
						continue
					}
					took = append(took, ticks)
				}
				slices.Sort(took)
				t.Logf("ticks from heal to full delivery, sorted: %v (bound %d, median bound %d)", took, bound, medianBound)
				// A one-way cut lets messages through one way during the cut,
				// so the sign of a heal has been spent before the heal, and the
				// first retries after it wait for their timeouts: that shape
				// gets the outer bound only.
				if sh != shapeOneWay && len(took) > 0 && took[len(took)/2] > medianBound {
					t.Errorf("median %d ticks from heal to full delivery, want at most %d\nreplay: go test ./internal/sim -run 'TestDeliveryAfterHeal/%d/%s$' -v",
						took[len(took)/2], medianBound, nodes, sh)
				}
			})
		}
	}
}

// TestDeliveryAfterRapidChanges runs the nemesis with a mean gap of a fifth
// of a second, so partitions of every shape start and stop faster than
// failovers and retries complete, then heals for good: the cluster must
// still reach full delivery within the same outer bound as after one
// partition.
func TestDeliveryAfterRapidChanges(t *testing.T) {
	cfg := actor.DefaultConfig()
	bound := cfg.MaxRetransmitTicks + cfg.BatchTicks + 4*10
	for _, nodes := range []int{5, 25} {
		for seed := int64(1); seed <= 6; seed++ {
			sc := Scenario{Seed: seed, Nodes: nodes, Clients: nodes, Config: cfg,
				Faults: Faults{MaxLatency: 10, NemesisTicks: 20}, OpTicks: 1, ReadPercent: 50}
			s, err := New(sc, NewRand(seed), nil)
			if err != nil {
				t.Fatal(err)
			}
			s.Setup()
			s.StartLoad()
			s.StartFaults()
			s.Run(1000)
			s.StopLoad()
			s.StopFaults()
			took := int64(-1)
			for ticks := int64(0); ticks <= bound && s.err == nil; ticks++ {
				if !s.work.busy() && s.allHoldAll() {
					took = ticks
					break
				}
				s.Step()
			}
			if s.err != nil || took < 0 {
				t.Errorf("%d nodes, seed %d: not every node held every value %d ticks after the last heal (%v)\nreplay: go test ./internal/sim -run 'TestDeliveryAfterRapidChanges$' -v",
					nodes, seed, bound, s.err)
			}
		}
	}
}
