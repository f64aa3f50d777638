package sim

import (
	"fmt"
	"testing"

	"rumor/actor"
	"rumor/messages"
)

// TestPauseGuardKeepsNodesHeard runs the same seeds with long pauses (the
// process nemesis alone, and with partitions and kills), with the pause
// guard on and off. With it on, no node ever answers a client that gave up,
// so none goes mute, and every run passes every check. With it off, nodes
// go mute, which shows what the guard is for; those runs are counted, not
// judged.
func TestPauseGuardKeepsNodesHeard(t *testing.T) {
	for _, faults := range []string{"pause", "partition,kill,pause"} {
		t.Run(faults, func(t *testing.T) {
			var muteOn, muteOff, brokenOff, pauses, timedOut int
			for seed := int64(1); seed <= 40; seed++ {
				for _, guard := range []bool{true, false} {
					o := Overrides{Faults: faults, NoPauseFence: !guard}
					rng := NewRand(seed)
					sc, err := Draw(rng, seed, o)
					if err != nil {
						t.Fatal(err)
					}
					// Pauses longer than the clients' patience, and a workload
					// long enough to hold several.
					sc.Faults.ProcessTicks = 2 * clientTimeout
					sc.WorkloadTicks = max(sc.WorkloadTicks, 4*clientTimeout)
					r, err := RunScenario(sc, rng, nil)
					if guard {
						muteOn += len(r.Mute)
						pauses += r.Stats.Pauses
						timedOut += r.Stats.TimedOut
						if err != nil {
							t.Errorf("guard on: %v\n  scenario: %s", err, sc)
						}
						continue
					}
					muteOff += len(r.Mute)
					if err != nil {
						brokenOff++
					}
				}
			}
			t.Logf("40 seeds, %d pauses, %d requests timed out: mute nodes %d with the guard, %d without (%d runs without it failed a check)",
				pauses, timedOut, muteOn, muteOff, brokenOff)
			if muteOn != 0 {
				t.Errorf("%d nodes went mute with the guard on", muteOn)
			}
			if muteOff == 0 {
				t.Errorf("no node went mute even without the guard: these runs do not exercise it")
			}
		})
	}
}

// TestResumedNodeDoesNotFlood pauses a node that owes several peers values
// for a minute: when it resumes it sends each link at most one batch (and
// its fence), not the resends a minute of its schedule would hold.
func TestResumedNodeDoesNotFlood(t *testing.T) {
	for _, strategy := range []actor.Strategy{actor.Star, actor.Mesh} {
		t.Run(fmt.Sprint(strategy), func(t *testing.T) {
			cfg := actor.DefaultConfig()
			cfg.Strategy = strategy
			sc := Scenario{Seed: 7, Nodes: 5, Clients: 5, Config: cfg, Faults: Faults{MaxLatency: 3}, OpTicks: 2, ReadPercent: 20}
			s, err := New(sc, NewRand(sc.Seed), nil)
			if err != nil {
				t.Fatal(err)
			}
			s.Setup()
			victim := "n0" // the hub, for star: it owes every peer
			s.StartLoad()
			s.Run(TicksPerSecond)
			s.Isolate(victim) // so that it owes its peers values it cannot deliver
			s.Run(2 * TicksPerSecond)
			s.Pause(victim)
			s.Run(60 * TicksPerSecond)
			owing := len(s.Node(victim).Unacked())
			if owing < 2 {
				t.Fatalf("%s owes %d peers: the scenario does not test a burst", victim, owing)
			}
			before := s.Stats().ToPeers[victim]
			s.ResumeAll()
			sent := s.Stats().ToPeers[victim] - before
			if sent > owing+1 { // a send per link it owes, and its fence
				t.Errorf("on resuming, %s sent %d messages to peers; it owes %d links", victim, sent, owing)
			}
			s.Heal()
			s.StopLoad()
			s.Settle(settleBudget(sc))
			s.CheckFinal()
			if err := s.Err(); err != nil {
				t.Fatal(err)
			}
			t.Logf("resumed after 60 s owing %d links: sent %d messages to peers at once", owing, sent)
		})
	}
}

// TestHealWhileTheStandInHubIsPaused: a majority split cuts two nodes off
// from the hub n0; their values go through n1, the stand-in hub on their
// side. n1 is paused, then the network heals: the values must reach n0's
// side from n4, which holds them too, while n1 is still stopped, not when
// it resumes.
func TestHealWhileTheStandInHubIsPaused(t *testing.T) {
	cfg := actor.DefaultConfig()
	sc := Scenario{Seed: 11, Nodes: 5, Clients: 5, Config: cfg, Faults: Faults{MaxLatency: 5}, OpTicks: 5, ReadPercent: 20}
	s, err := New(sc, NewRand(sc.Seed), nil)
	if err != nil {
		t.Fatal(err)
	}
	s.Setup()
	s.StartLoad()
	s.Run(TicksPerSecond)
	s.setCuts("test", split([]string{"n0", "n2", "n3"}, []string{"n1", "n4"}))
	s.StartLoad("n4")
	s.Run(3 * TicksPerSecond)
	s.StopLoad()
	s.Run(TicksPerSecond)
	s.Pause("n1")
	s.Heal()
	acked := append([]messages.Value(nil), s.work.ackedList...)
	bound := cfg.MaxRetransmitTicks + 2*(cfg.RetransmitTicks+max(cfg.AckTicks, cfg.BatchTicks)) + cfg.BatchTicks + 6*(sc.Faults.MaxLatency+1)
	took := s.ticksUntil(bound, func() bool {
		for _, id := range []string{"n0", "n2", "n3", "n4"} {
			if !holdsAll(s.Node(id), acked) {
				return false
			}
		}
		return true
	})
	if took < 0 {
		t.Fatalf("%d ticks after the heal, with n1 paused, n0 holds %d of the %d acknowledged values (%v)",
			bound, len(s.Node("n0").Values()), len(acked), s.Err())
	}
	s.ResumeAll()
	s.Settle(settleBudget(sc))
	s.CheckFinal()
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("every value on n1's side reached n0's %d ticks after the heal (bound %d)", took, bound)
}
