package sim

import (
	"fmt"
	"testing"

	"rumor/actor"
)

// TestLongPartitionStaysBounded cuts one node off for ten simulated minutes
// while clients keep working, and checks that what the cut costs is set by
// the values, not by the time: the node's link queues never hold more values
// than exist, and the messages it sends per simulated second stay under the
// bound its timers allow. Afterwards the cluster must heal completely.
func TestLongPartitionStaysBounded(t *testing.T) {
	const cutSeconds = 600
	tests := []struct {
		strategy actor.Strategy
		cut      string
		// clientsToo sends client operations to the cut-off node as well, as
		// Maelstrom would (clients are never partitioned). Then new values
		// keep arriving and its rate is bounded by batching; without them it
		// only retransmits, and its rate is bounded by the backoff.
		clientsToo bool
	}{
		{actor.Star, "n0", false}, // the hub itself
		{actor.Star, "n3", true},
		{actor.Topology, "n1", false},
		{actor.Topology, "n4", true},
		{actor.Mesh, "n2", false},
		{actor.Mesh, "n2", true},
	}
	for i, tt := range tests {
		name := fmt.Sprintf("%s/%s/clients=%v", tt.strategy, tt.cut, tt.clientsToo)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			cfg := actor.DefaultConfig()
			cfg.Strategy = tt.strategy
			sc := Scenario{Seed: int64(1000 + i), Nodes: 5, Clients: 5, Config: cfg,
				Faults: Faults{MaxLatency: 2}, OpTicks: 10, ReadPercent: 10}
			s, err := New(sc, NewRand(sc.Seed), nil)
			if err != nil {
				t.Fatal(err)
			}
			s.Setup()
			targets := s.IDs()
			if !tt.clientsToo {
				targets = without(s.IDs(), tt.cut)
			}
			s.StartLoad(targets...)
			s.Run(10 * TicksPerSecond)
			s.Isolate(tt.cut)

			// Without new values a link only retransmits, and once the backoff
			// has climbed to its cap that is once per MaxRetransmitTicks; with
			// them it sends at most one batch per BatchTicks. Links that owe
			// nothing send nothing.
			// (gap, below, once the number of links owed is known.)
			// The first seconds are the backoff climbing and, under Star,
			// failing over hub by hub; the bound is for the long run after.
			const warmup = 30
			node := s.Node(tt.cut)
			heldAtCut := len(node.Values())
			var maxRate, steadySent, links int64
			maxQueue := 0
			for sec := range cutSeconds {
				before := s.Stats().ToPeers[tt.cut]
				for range TicksPerSecond {
					s.Step()
					owing := node.Unacked()
					for _, owed := range owing {
						maxQueue = max(maxQueue, owed)
					}
					if sec >= warmup {
						links = max(links, int64(len(owing)))
					}
				}
				if err := s.Err(); err != nil {
					t.Fatal(err)
				}
				rate := int64(s.Stats().ToPeers[tt.cut] - before)
				if sec >= warmup {
					maxRate = max(maxRate, rate)
					steadySent += rate
				}
			}
			gap := cfg.MaxRetransmitTicks
			if tt.strategy == actor.Star && tt.cut == "n0" {
				// A hub's retries across a cut are what finds the heal
				// (actor's retryGap): each at least once per M/3, and
				// together M/30 apart when fewer than ten; none sooner
				// than its link's timeout, at least a batch and a tick.
				gap = max(min(gap/3, links*max(gap/30, 1)), cfg.BatchTicks+1)
			}
			if tt.clientsToo {
				gap = max(cfg.BatchTicks, 1)
			}
			// Under Star the cut-off node is a hub (n0, or n3 once it
			// makes itself one), and one of its links, the counterpart,
			// takes half of the hub's retries, so it may retry sooner than
			// one link's own timers allow (only when its round trips are
			// at least M/10; see actor/counterpart.go): once per M/10 is
			// allowed on top.
			var counterpartLimit, counterpartPerSecond int64
			if tt.strategy == actor.Star {
				cgap := max(cfg.MaxRetransmitTicks/10, 1)
				counterpartLimit = int64(cutSeconds-warmup)*TicksPerSecond/cgap + 1
				counterpartPerSecond = ceilDiv(TicksPerSecond, cgap) + 1
			}
			perLink := ceilDiv(TicksPerSecond, gap) + 1
			distinct := len(s.work.sent)
			if maxQueue > distinct {
				t.Errorf("a link queue of %s reached %d values, but only %d distinct values exist", tt.cut, maxQueue, distinct)
			}
			if !tt.clientsToo && maxQueue > heldAtCut {
				t.Errorf("%s got no new values while cut off, yet a queue grew from at most %d to %d", tt.cut, heldAtCut, maxQueue)
			}
			if limit := links*perLink + counterpartPerSecond; maxRate > limit {
				t.Errorf("%s sent up to %d messages per second while cut off; its timers allow %d", tt.cut, maxRate, limit)
			}
			steadyTicks := int64(cutSeconds-warmup) * TicksPerSecond
			if limit := links*(steadyTicks/gap+1) + counterpartLimit; steadySent > limit {
				t.Errorf("%s sent %d messages in its last %d s cut off; one per link per %d ticks allows %d",
					tt.cut, steadySent, cutSeconds-warmup, gap, limit)
			}
			t.Logf("%d values exist; %s held %d when cut, queued at most %d; after %d s it owed %d links and sent at most %d messages/s (limit %d), %d in all (limit %d)",
				distinct, tt.cut, heldAtCut, maxQueue, warmup, links, maxRate, links*perLink+counterpartPerSecond, steadySent, links*(steadyTicks/gap+1)+counterpartLimit)

			s.StopLoad()
			s.Heal()
			s.Settle(settleBudget(sc))
			s.CheckFinal()
			s.CheckSilence()
			if err := s.Err(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func ceilDiv(a, b int64) int64 { return (a + b - 1) / b }
