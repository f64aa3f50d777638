package sim

import (
	"io"
	"math/rand/v2"
)

// Result summarises a finished run.
type Result struct {
	Scenario    Scenario
	Hash        uint64 // the trace hash: equal for equal seeds
	Ticks       int64
	SettleTicks int64    // from healing to quiescence
	Values      int      // distinct values acknowledged
	Mute        []string // nodes the network stopped reading (only with the pause guard off)
	Stats       Stats
}

// Run plays the seed's scenario from start to finish and checks every
// property:
//
//   - every reply answers an outstanding request of the right kind, and no
//     request is refused (but a broadcast whose write failed, with error 11);
//   - no node answers a client that gave up (it would go mute), unless the
//     pause guard is off;
//   - every read, as it arrives, has no duplicates, nothing no client
//     broadcast, and everything the node had already acknowledged or
//     returned;
//   - after every tick, no link owes more values than its node holds and no
//     node holds more values than were broadcast;
//   - once faults stop (the network heals, every node is resumed and
//     started), the cluster becomes quiescent within settleBudget ticks:
//     every request answered or given up, nothing in flight, every node's
//     Unacked empty, no probe or fence outstanding;
//   - then every node's read returns every acknowledged value, nothing
//     refused, and the same as every other node's (a value whose broadcast
//     went unanswered may be there or not, but everywhere alike);
//   - and a quiescent cluster sends no messages at all.
//
// The error, if any, is a *Violation. traceOut, if not nil, receives the
// trace.
func Run(seed int64, o Overrides, traceOut io.Writer) (Result, error) {
	rng := NewRand(seed)
	sc, err := Draw(rng, seed, o)
	if err != nil {
		return Result{}, err
	}
	return RunScenario(sc, rng, traceOut)
}

// RunPhases runs the scenario's phases on a new Sim: setup, the workload
// with its faults, the heal and the settling, and the final checks. It
// returns how many ticks settling took.
func (s *Sim) RunPhases() int64 {
	s.Setup()
	s.StartFaults()
	s.StartLoad()
	s.Run(s.sc.WorkloadTicks)
	s.StopLoad()
	s.StopFaults()
	settle := s.Settle(settleBudget(s.sc))
	s.CheckFinal()
	s.CheckSilence()
	return settle
}

// RunScenario is Run for a scenario already drawn from rng (and perhaps
// adjusted).
func RunScenario(sc Scenario, rng *rand.Rand, traceOut io.Writer) (Result, error) {
	s, err := New(sc, rng, traceOut)
	if err != nil {
		return Result{}, err
	}
	settle := s.RunPhases()
	return Result{
		Scenario:    sc,
		Hash:        s.Hash(),
		Ticks:       s.now,
		SettleTicks: settle,
		Values:      len(s.work.ackedList),
		Mute:        s.Mute(),
		Stats:       s.stats,
	}, s.Err()
}
