package sim

import (
	"fmt"
	"testing"

	"rumor/actor"
	"rumor/messages"
)

func holdsAll(n *actor.Node, vs []messages.Value) bool {
	has := make(map[messages.Value]bool, len(n.Values()))
	for _, v := range n.Values() {
		has[v] = true
	}
	for _, v := range vs {
		if !has[v] {
			return false
		}
	}
	return true
}

// ticksUntil steps until done holds or budget ticks have passed, and
// returns how many it took, or -1.
func (s *Sim) ticksUntil(budget int64, done func() bool) int64 {
	for tick := int64(0); tick <= budget; tick++ {
		if s.err != nil {
			return -1
		}
		if done() {
			return tick
		}
		s.Step()
	}
	return -1
}

// TestRestartedNodeCatchesUp kills one node (the hub, for star, and a node
// using it), keeps broadcasting to the others while it is down, and starts
// it again, with no client traffic at all. It must hold, at once, every
// value it held before (from its log) and, within a few hops of its
// init_ok, every value broadcast while it was down (its probe brings
// them); then, under load again, every queue must drain and the cluster go
// quiet. The same again with the node cut off by a partition when it
// starts: it must catch up within a few hops of the heal, plus one capped
// retry, again with no client traffic.
func TestRestartedNodeCatchesUp(t *testing.T) {
	for i, strategy := range []actor.Strategy{actor.Star, actor.Topology, actor.Mesh} {
		for _, victim := range []string{"n0", "n3"} {
			for _, cut := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/%s/cut=%v", strategy, victim, cut), func(t *testing.T) {
					t.Parallel()
					cfg := actor.DefaultConfig()
					cfg.Strategy = strategy
					sc := Scenario{Seed: int64(2000 + i), Nodes: 5, Clients: 5, Config: cfg,
						Faults: Faults{MaxLatency: 3}, OpTicks: 5, ReadPercent: 20, Wire: true}
					s, err := New(sc, NewRand(sc.Seed), nil)
					if err != nil {
						t.Fatal(err)
					}
					s.Setup()
					s.StartLoad()
					s.Run(3 * TicksPerSecond)
					s.StopLoad()
					s.Settle(settleBudget(sc))
					held := append([]messages.Value(nil), s.Node(victim).Values()...)

					s.Kill(victim, false)
					s.StartLoad(without(s.IDs(), victim)...)
					s.Run(2 * TicksPerSecond)
					s.StopLoad()
					s.Run(clientTimeout) // let the requests the kill left unanswered time out
					before := append([]messages.Value(nil), s.work.ackedList...)
					if cut {
						s.Isolate(victim)
					}
					s.StartAll()
					if !holdsAll(s.Node(victim), held) {
						t.Fatalf("restarted, %s holds %d values; its log had %d", victim, len(s.Node(victim).Values()), len(held))
					}
					bound := 4 * (sc.Faults.MaxLatency + 1)
					if cut {
						s.Run(5 * TicksPerSecond)
						s.Heal()
						bound += cfg.MaxRetransmitTicks + cfg.BatchTicks
					}
					took := s.ticksUntil(bound, func() bool { return holdsAll(s.Node(victim), before) })
					if took < 0 {
						t.Fatalf("%d ticks after its restart (or the heal) %s holds %d of %d values (%v)",
							bound, victim, len(s.Node(victim).Values()), len(before), s.Err())
					}
					s.StartLoad()
					s.Run(TicksPerSecond)
					s.StopLoad()
					settled := s.Settle(settleBudget(sc))
					s.CheckFinal()
					s.CheckSilence()
					if err := s.Err(); err != nil {
						t.Fatal(err)
					}
					t.Logf("%d values held before the kill, %d acknowledged before the restart, %d in all; caught up %d ticks after the restart (or heal), bound %d; quiescent %d ticks after the load stopped",
						len(held), len(before), len(s.work.ackedList), took, bound, settled)
				})
			}
		}
	}
}

// TestSecondTestStartsEmpty runs a test with kills on a disk, then a second
// test on the same disk: its nodes, inited by the test's first clients,
// must start with nothing (the values of every test are small integers
// from 0, so an old value would pass for a new one), and the second test
// must pass on its own.
func TestSecondTestStartsEmpty(t *testing.T) {
	disk := NewDisk()
	for run := range 2 {
		sc := Scenario{Seed: int64(3000 + run), Nodes: 4, Clients: 4, Config: actor.DefaultConfig(),
			Faults: Faults{MaxLatency: 5, ProcessTicks: 100, Kill: true, TearPercent: 50}, OpTicks: 3, ReadPercent: 30}
		s, err := NewOn(disk, sc, NewRand(sc.Seed), nil)
		if err != nil {
			t.Fatal(err)
		}
		s.Setup()
		for _, id := range s.IDs() {
			if got := s.Node(id).Values(); len(got) != 0 {
				t.Fatalf("test %d: %s starts with %d values of the test before", run+1, id, len(got))
			}
		}
		s.StartFaults()
		s.StartLoad()
		s.Run(8 * TicksPerSecond)
		s.StopLoad()
		s.StopFaults()
		s.Settle(settleBudget(sc))
		s.CheckFinal()
		if err := s.Err(); err != nil {
			t.Fatalf("test %d: %v", run+1, err)
		}
		st := s.Stats()
		t.Logf("test %d: %d values acknowledged, %d kills (%d in a write), %d restarts; log sizes %d…",
			run+1, len(s.work.ackedList), st.Kills, st.Torn, st.Restarts, disk.Size("n0"))
		if st.Restarts == 0 {
			t.Errorf("test %d restarted nothing", run+1)
		}
	}
}

// TestKillEveryNode kills every node at once under load, some of them in
// the middle of a write, and starts them all again: with no client traffic
// every node must hold every acknowledged value within a few hops and a
// batch interval (a hub fans out what a restarted leaf sends it again with
// its next batch), and the cluster must settle and pass the final checks.
func TestKillEveryNode(t *testing.T) {
	for i, strategy := range []actor.Strategy{actor.Star, actor.Topology, actor.Mesh} {
		t.Run(fmt.Sprint(strategy), func(t *testing.T) {
			cfg := actor.DefaultConfig()
			cfg.Strategy = strategy
			sc := Scenario{Seed: int64(4000 + i), Nodes: 7, Clients: 7, Config: cfg,
				Faults: Faults{MaxLatency: 5}, OpTicks: 1, ReadPercent: 30}
			s, err := New(sc, NewRand(sc.Seed), nil)
			if err != nil {
				t.Fatal(err)
			}
			s.Setup()
			s.StartLoad()
			s.Run(2 * TicksPerSecond)
			for j, id := range s.IDs() {
				s.Kill(id, j%2 == 0)
			}
			s.Run(tearWindow)
			s.StopLoad()
			s.Run(clientTimeout) // the requests the kill left unanswered time out
			acked := append([]messages.Value(nil), s.work.ackedList...)
			s.StartAll()
			bound := 6*(sc.Faults.MaxLatency+1) + cfg.BatchTicks
			took := s.ticksUntil(bound, func() bool {
				for _, id := range s.IDs() {
					if !holdsAll(s.Node(id), acked) {
						return false
					}
				}
				return true
			})
			if took < 0 {
				t.Fatalf("%d ticks after every node restarted, not every node holds the %d acknowledged values (%v)", bound, len(acked), s.Err())
			}
			s.Settle(settleBudget(sc))
			s.CheckFinal()
			if err := s.Err(); err != nil {
				t.Fatal(err)
			}
			t.Logf("%d values acknowledged, %d kills (%d in a write); everywhere %d ticks after the restart (bound %d)",
				len(acked), s.Stats().Kills, s.Stats().Torn, took, bound)
		})
	}
}
