package nemesis

import (
	"math/rand/v2"

	"eddy/internal/history"
)

// Op is one nemesis operation the schedule hands out: its function (a
// history F), when it is issued, and for a kill or a pause the target spec
// its invocation carries (start and resume always act on every node).
type Op struct {
	F      string
	At     int64 // ns on the caller's clock
	Target Target
	family int
}

// Generator families the schedule composes.
const (
	partitionFamily = iota
	processFamily
)

// Rands are the schedule's random streams, one per concern, so that a draw
// in one never shifts another: partitions keep exactly the draws they had
// before process faults existed.
type Rands struct {
	// Partition draws the partition generator's gaps; the caller draws
	// its specs and grudges from the same stream, as the partition nemesis
	// always has (spec, grudge, then the gap to the next op).
	Partition *rand.Rand
	// Process draws the db generator's mix, targets and gaps; the caller
	// draws the nodes a target names from it too.
	Process *rand.Rand
	// Tie breaks ties between the two generators.
	Tie *rand.Rand
}

// Schedule is the nemesis generator of §5 and §12.3, as a pure state
// machine: the partition flip-flop (start-partition, stop-partition, …)
// and the db generator (a mix of the kill/start and pause/resume
// flip-flops over the enabled process faults), each staggered on its own
// by the nemesis interval, run side by side on the single nemesis thread.
//
// The caller asks Next for the op to issue once its thread is free,
// carries it out, then reports it with Done. A generator's op is due at its
// own schedule; it is issued at max(due, free), and the generator's next op
// is due a NextGap after that issue time (Jepsen's stagger never builds a
// backlog). Next picks the sooner of the two generators' ops, a tie going
// either way with equal odds.
type Schedule struct {
	interval float64
	rands    Rands

	partDue     int64
	partStarted bool // a start-partition is in force (the next op stops it)

	process      []string // enabled flip-flops: history.FKill, history.FPause
	processDue   int64
	processNext  Op              // the db generator's next op, drawn once it is due
	processState map[string]bool // per flip-flop: its fault is in force
}

// NewSchedule starts the generators of f at time start, each with its
// first op due at once. A Schedule for no fault has no ops.
func NewSchedule(f Faults, interval float64, start int64, r Rands) *Schedule {
	s := &Schedule{interval: interval, rands: r, partDue: -1, processDue: -1}
	if f.Partition {
		s.partDue = start
	}
	if f.Kill {
		s.process = append(s.process, history.FKill)
	}
	if f.Pause {
		s.process = append(s.process, history.FPause)
	}
	if len(s.process) > 0 {
		s.processDue = start
		s.processState = map[string]bool{}
		s.drawProcess()
	}
	return s
}

// drawProcess picks the db generator's next op: a flip-flop from the mix
// (uniformly among the enabled ones), then that flip-flop's op; a kill or
// pause draws its target spec.
func (s *Schedule) drawProcess() {
	flip := s.process[0]
	if len(s.process) > 1 {
		flip = s.process[s.rands.Process.IntN(len(s.process))]
	}
	op := Op{family: processFamily}
	switch {
	case !s.processState[flip]:
		op.F = flip
		op.Target = ChooseTarget(s.rands.Process)
	case flip == history.FKill:
		op.F, op.Target = history.FStart, AllNodes
	default:
		op.F, op.Target = history.FResume, AllNodes
	}
	s.processNext = op
}

// Next is the op to issue when the nemesis thread is free at free: the
// sooner of the generators' next ops, with At set to its issue time. ok is
// false when no fault is enabled.
func (s *Schedule) Next(free int64) (op Op, ok bool) {
	var candidates []Op
	if s.partDue >= 0 {
		f := history.FStartPartition
		if s.partStarted {
			f = history.FStopPartition
		}
		candidates = append(candidates, Op{F: f, At: max(s.partDue, free), family: partitionFamily})
	}
	if s.processDue >= 0 {
		next := s.processNext
		next.At = max(s.processDue, free)
		candidates = append(candidates, next)
	}
	switch len(candidates) {
	case 0:
		return Op{}, false
	case 1:
		return candidates[0], true
	}
	a, b := candidates[0], candidates[1]
	switch {
	case a.At < b.At:
		return a, true
	case b.At < a.At:
		return b, true
	case s.rands.Tie.IntN(2) == 0:
		return a, true
	}
	return b, true
}

// Done records that op, from Next, has been carried out: its flip-flop
// turns, its generator's next op is due a NextGap after op.At, and the db
// generator draws its next op.
func (s *Schedule) Done(op Op) {
	switch op.family {
	case partitionFamily:
		s.partStarted = op.F == history.FStartPartition
		s.partDue = op.At + int64(NextGap(s.interval, s.rands.Partition))
	case processFamily:
		switch op.F {
		case history.FKill, history.FPause:
			s.processState[op.F] = true
		case history.FStart:
			s.processState[history.FKill] = false
		case history.FResume:
			s.processState[history.FPause] = false
		}
		s.processDue = op.At + int64(NextGap(s.interval, s.rands.Process))
		s.drawProcess()
	}
}

// Final is the nemesis's final generator (§3.4, §12.3), run after the main
// phase in this order: heal the network (with partitions), resume every
// node (with pauses), start every node (with kills).
func Final(f Faults) []string {
	var out []string
	if f.Partition {
		out = append(out, history.FStopPartition)
	}
	if f.Pause {
		out = append(out, history.FResume)
	}
	if f.Kill {
		out = append(out, history.FStart)
	}
	return out
}
