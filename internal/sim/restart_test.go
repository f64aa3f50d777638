package sim

import (
	"fmt"
	"testing"

	"rumor/actor"
	"rumor/messages"
)

// restart replaces node id's core with a fresh one, as a crash and a new
// process would: a larger incarnation, no values, no streams, and a fresh
// init and topology, as a harness sets a node up. What the node was known
// to hold is forgotten with it.
func (s *Sim) restart(id string, inc uint64) error {
	cfg := s.sc.Config
	cfg.Incarnation = inc
	n, err := actor.NewNode(cfg)
	if err != nil {
		return err
	}
	s.nodes[id] = n
	s.wakes[id] = &wake{}
	s.work.held[id] = nil
	s.work.heldSet[id] = make(map[messages.Value]bool)
	s.trace.begin(s.now, "restart").word(id).end()
	s.work.send(adminID, id, messages.Init{Request: s.work.newRequest(), NodeID: id, NodeIDs: s.ids}, request{})
	s.awaitReplies("init after restart")
	s.work.send(adminID, id, messages.Topology{Request: s.work.newRequest(), Topology: gridTopology(s.ids)}, request{})
	s.awaitReplies("topology after restart")
	return nil
}

// restartInc is the restarted node's incarnation; the others have 1.
var restartInc uint64 = 2

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

// TestRestartedNodeCatchesUp runs a cluster under load, lets it settle,
// restarts one node (the hub, for Star, and another node), waits for it to
// get every earlier value back with no load at all, then runs load again.
// The restarted node must end up with every acknowledged value, every queue
// must drain (its peers' streams to it included, which before incarnations
// resent for ever), and the cluster must go silent.
func TestRestartedNodeCatchesUp(t *testing.T) {
	for i, strategy := range []actor.Strategy{actor.Star, actor.Topology, actor.Mesh} {
		for _, victim := range []string{"n0", "n3"} {
			t.Run(fmt.Sprintf("%s/%s", strategy, victim), func(t *testing.T) {
				t.Parallel()
				cfg := actor.DefaultConfig()
				cfg.Strategy = strategy
				cfg.Incarnation = 1
				sc := Scenario{Seed: int64(2000 + i), Nodes: 5, Clients: 5, Config: cfg,
					Faults: Faults{MaxLatency: 3}, OpTicks: 5, ReadPercent: 20, Wire: true}
				s, err := New(sc, NewRand(sc.Seed), nil)
				if err != nil {
					t.Fatal(err)
				}
				s.Setup()
				s.StartLoad()
				s.Run(5 * TicksPerSecond)
				s.StopLoad()
				s.Settle(settleBudget(sc))
				before := append([]messages.Value(nil), s.work.ackedList...)

				if err := s.restart(victim, restartInc); err != nil {
					t.Fatal(err)
				}
				if got := len(s.Node(victim).Values()); got != 0 {
					t.Fatalf("a restarted node holds %d values", got)
				}
				// No load yet: the node's announcement (with its topology) alone must bring
				// everything back.
				caughtUp := int64(-1)
				for tick := range int64(TicksPerSecond) {
					s.Step()
					if holdsAll(s.Node(victim), before) {
						caughtUp = tick + 1
						break
					}
				}
				if caughtUp < 0 {
					t.Fatalf("a second after its restart %s holds %d of %d values", victim, len(s.Node(victim).Values()), len(before))
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
				t.Logf("%d values before the restart, %d after; the restarted node held the earlier ones %d ticks after its init; quiescent %d ticks after it stopped",
					len(before), len(s.work.ackedList), caughtUp, settled)
			})
		}
	}
}
