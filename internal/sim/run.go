package sim

import "io"

// Result summarises a finished run.
type Result struct {
	Scenario    Scenario
	Hash        uint64 // the trace hash: equal for equal seeds
	Ticks       int64
	SettleTicks int64 // from healing to quiescence
	Values      int   // distinct values acknowledged
	Stats       Stats
}

// Run plays the seed's scenario from start to finish and checks every
// property:
//
//   - every reply answers an outstanding request of the right kind, and no
//     request is refused;
//   - every read, as it arrives, has no duplicates, nothing no client
//     broadcast, and everything the node had already acknowledged or
//     returned;
//   - after every tick, no link owes more values than its node holds and no
//     node holds more values than were broadcast;
//   - once faults stop and the network heals, the cluster becomes quiescent
//     within a bounded number of ticks: every request answered, nothing in
//     flight, every node's Unacked empty;
//   - then every node's read returns exactly the acknowledged values;
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
	s, err := New(sc, rng, traceOut)
	if err != nil {
		return Result{}, err
	}
	s.Setup()
	s.StartFaults()
	s.StartLoad()
	s.Run(sc.WorkloadTicks)
	s.StopLoad()
	s.StopFaults()
	settle := s.Settle(settleBudget(sc))
	s.CheckFinal()
	s.CheckSilence()
	return Result{
		Scenario:    sc,
		Hash:        s.Hash(),
		Ticks:       s.now,
		SettleTicks: settle,
		Values:      len(s.work.ackedList),
		Stats:       s.stats,
	}, s.Err()
}
