package sim

import (
	"fmt"
	"testing"

	"rumor/actor"
)

// TestNoFailoverFromAReachableHub runs the default configuration (10 ms
// ticks) under Maelstrom's partitions with long latencies, 200 ms on
// average, uniform on [0, 400] ms and exponential, and no drops: every
// failover must follow a real cut between the node and the hub it leaves
// (hubWatch). A node that took a slow hub for a dead one would fail over
// with the hub in plain reach, and send its whole store around for
// nothing. It also reports how many failovers each run had.
func TestNoFailoverFromAReachableHub(t *testing.T) {
	cfg := actor.DefaultConfig()
	for _, tt := range []struct {
		name string
		f    Faults
	}{
		{"uniform-400ms", Faults{MaxLatency: 40, NemesisTicks: 500}},
		{"exponential-200ms", Faults{ExpLatency: 20, NemesisTicks: 500}},
	} {
		for _, nodes := range []int{5, 11} {
			t.Run(fmt.Sprintf("%s/%d", tt.name, nodes), func(t *testing.T) {
				var all int
				for seed := int64(1); seed <= 3; seed++ {
					sc := Scenario{Seed: seed, Nodes: nodes, Clients: nodes, Config: cfg, Faults: tt.f,
						WorkloadTicks: 4000, OpTicks: 2, ReadPercent: 50}
					s, err := New(sc, NewRand(seed), nil)
					if err != nil {
						t.Fatal(err)
					}
					// The longest a failover may honestly follow the cut it
					// answers: two timeouts, each a round trip (several mean
					// latencies, for the exponential tail) and a batch, and a
					// backed-off retry.
					mean := max(tt.f.MaxLatency/2, tt.f.ExpLatency)
					s.WatchFailovers(4*cfg.MaxRetransmitTicks + 8*mean)
					s.RunPhases()
					n, _ := s.Failovers()
					all += n
					if err := s.Err(); err != nil {
						t.Errorf("seed %d: %v", seed, err)
					}
				}
				t.Logf("%d failovers in 3 runs, none away from a reachable hub", all)
			})
		}
	}
}
