package nemesis

import (
	"slices"
	"testing"
	"time"

	"eddy/internal/history"
)

func rands(seed uint64) Rands {
	return Rands{Partition: seeded(seed), Process: seeded(seed + 1000), Tie: seeded(seed + 2000)}
}

// drive runs s as the nemesis thread would, every op taking cost to carry
// out, until the next op would be issued at or after cutoff.
func drive(s *Schedule, start, cutoff, cost int64) []Op {
	var ops []Op
	free := start
	for {
		op, ok := s.Next(free)
		if !ok || op.At >= cutoff {
			return ops
		}
		ops = append(ops, op)
		s.Done(op)
		free = op.At + cost
	}
}

const sec = int64(time.Second)

func TestNoFaultNoOps(t *testing.T) {
	if _, ok := NewSchedule(Faults{}, 10, 0, rands(1)).Next(0); ok {
		t.Error("a schedule without faults handed out an op")
	}
	if got := Final(Faults{}); len(got) != 0 {
		t.Errorf("Final = %v", got)
	}
}

func TestPartitionsAlternateAsTheyAlwaysHave(t *testing.T) {
	// The partition nemesis before process faults: the first start at
	// once, then each op a NextGap after the previous one's due time, the
	// caller drawing spec and grudge from the same stream in between.
	r := rands(4)
	old := seeded(4)
	var want []int64
	for next, starting := int64(0), true; next < 60*sec; starting = !starting {
		want = append(want, next)
		if starting {
			Grudge(ChooseSpec(old), nodes(5), old)
		}
		next += int64(NextGap(10, old))
	}
	s := NewSchedule(Faults{Partition: true}, 10, 0, r)
	var got []int64
	free := int64(0)
	for i := 0; ; i++ {
		op, ok := s.Next(free)
		if !ok || op.At >= 60*sec {
			break
		}
		wantF := history.FStartPartition
		if i%2 == 1 {
			wantF = history.FStopPartition
		}
		if op.F != wantF {
			t.Fatalf("op %d is %s, want %s", i, op.F, wantF)
		}
		if op.F == history.FStartPartition {
			Grudge(ChooseSpec(r.Partition), nodes(5), r.Partition)
		}
		got = append(got, op.At)
		s.Done(op)
		free = op.At + 1
	}
	if !slices.Equal(got, want) {
		t.Errorf("partition times %v, want %v", got, want)
	}
}

func TestKillAndStartFlipFlop(t *testing.T) {
	ops := drive(NewSchedule(Faults{Kill: true}, 1, 0, rands(2)), 0, 100*sec, 0)
	if len(ops) < 60 {
		t.Fatalf("%d ops in 100 s at a 1 s interval", len(ops))
	}
	if ops[0].At != 0 {
		t.Errorf("first op at %d, want at once", ops[0].At)
	}
	targets := map[Target]bool{}
	for i, op := range ops {
		switch {
		case i%2 == 0 && op.F != history.FKill, i%2 == 1 && (op.F != history.FStart || op.Target != AllNodes):
			t.Fatalf("op %d is %s %q: kills and starts must alternate, every start of all nodes", i, op.F, op.Target)
		}
		if op.F == history.FKill {
			targets[op.Target] = true
		}
		if i > 0 && (op.At < ops[i-1].At || op.At-ops[i-1].At >= 2*sec) {
			t.Errorf("gap %d ns before op %d, want in [0, 2 s)", op.At-ops[i-1].At, i)
		}
	}
	if len(targets) != len(Targets()) {
		t.Errorf("kills drew only the targets %v", targets)
	}
}

func TestKillAndPauseMixWithEachFlipFlopKeepingItsOwnState(t *testing.T) {
	ops := drive(NewSchedule(Faults{Kill: true, Pause: true}, 1, 0, rands(3)), 0, 400*sec, 0)
	count := map[string]int{}
	// Each op turns its own flip-flop: a kill or a pause on, a start or a
	// resume off; it never finds its flip-flop already where it leaves it.
	turns := map[string]struct {
		flip string
		on   bool
	}{
		history.FKill: {history.FKill, true}, history.FStart: {history.FKill, false},
		history.FPause: {history.FPause, true}, history.FResume: {history.FPause, false},
	}
	inForce := map[string]bool{}
	for i, op := range ops {
		count[op.F]++
		turn, ok := turns[op.F]
		if !ok || inForce[turn.flip] == turn.on {
			t.Fatalf("op %d is %s with %v in force", i, op.F, inForce)
		}
		inForce[turn.flip] = turn.on
	}
	// The mix picks each flip-flop with equal odds: about 100 of each op
	// over about 400 ops.
	for _, f := range []string{history.FKill, history.FStart, history.FPause, history.FResume} {
		if c := count[f]; c < 65 || c > 135 {
			t.Errorf("%s %d times in %d ops", f, c, len(ops))
		}
	}
}

func TestPartitionsAndProcessFaultsRunSideBySideEachWithItsOwnStagger(t *testing.T) {
	r := rands(6)
	both := drive(NewSchedule(Faults{Partition: true, Kill: true, Pause: true}, 2, 0, r), 0, 200*sec, 0)
	var parts []Op
	families := map[int]int{}
	for i, op := range both {
		families[op.family]++
		if i > 0 && op.At < both[i-1].At {
			t.Fatalf("op %d at %d goes back in time", i, op.At)
		}
		if op.family == partitionFamily {
			parts = append(parts, op)
		}
	}
	if families[partitionFamily] < 50 || families[processFamily] < 50 {
		t.Errorf("families %v: both generators should run about 100 ops", families)
	}
	// With ops that take no time, the partition generator keeps its own
	// schedule: the same times as partitions alone on the same stream.
	alone := drive(NewSchedule(Faults{Partition: true}, 2, 0, rands(6)), 0, 200*sec, 0)
	if len(alone) != len(parts) {
		t.Fatalf("%d partition ops beside process faults, %d alone", len(parts), len(alone))
	}
	for i := range alone {
		if alone[i].At != parts[i].At || alone[i].F != parts[i].F {
			t.Fatalf("partition op %d: %s at %d, alone %s at %d", i, parts[i].F, parts[i].At, alone[i].F, alone[i].At)
		}
	}
}

func TestABusyThreadIssuesLateAndCountsTheNextGapFromThen(t *testing.T) {
	// Every op takes 30 s, far beyond the 2 s mean gap: each op is issued
	// when the thread frees up, never in a burst of overdue ops.
	ops := drive(NewSchedule(Faults{Kill: true, Partition: true}, 1, 0, rands(8)), 0, 300*sec, 30*sec)
	for i := 1; i < len(ops); i++ {
		if gap := ops[i].At - ops[i-1].At; gap != 30*sec {
			t.Errorf("op %d issued %d ns after the previous, want exactly when the thread freed up", i, gap)
		}
	}
	if len(ops) != 10 {
		t.Errorf("%d ops in 300 s of 30 s ops, want 10", len(ops))
	}
}

func TestTiesGoEitherWay(t *testing.T) {
	// Both generators are due at once at the start.
	firsts := map[int]int{}
	for seed := range uint64(200) {
		op, _ := NewSchedule(Faults{Partition: true, Pause: true}, 10, 5, rands(seed)).Next(5)
		if op.At != 5 {
			t.Fatalf("first op at %d, want 5", op.At)
		}
		firsts[op.family]++
	}
	if firsts[partitionFamily] < 70 || firsts[processFamily] < 70 {
		t.Errorf("first ops by family: %v", firsts)
	}
}

func TestTheScheduleReplaysFromItsSeeds(t *testing.T) {
	f := Faults{Partition: true, Kill: true, Pause: true}
	a := drive(NewSchedule(f, 3, 0, rands(12)), 0, 500*sec, sec/10)
	b := drive(NewSchedule(f, 3, 0, rands(12)), 0, 500*sec, sec/10)
	if !slices.Equal(a, b) {
		t.Error("the same seeds gave two schedules")
	}
	c := drive(NewSchedule(f, 3, 0, rands(13)), 0, 500*sec, sec/10)
	if slices.Equal(a, c) {
		t.Error("two seeds gave the same schedule")
	}
}

func TestFinalHealsThenResumesThenStarts(t *testing.T) {
	cases := map[Faults][]string{
		{Partition: true}:                          {history.FStopPartition},
		{Kill: true}:                               {history.FStart},
		{Pause: true, Kill: true}:                  {history.FResume, history.FStart},
		{Partition: true, Kill: true, Pause: true}: {history.FStopPartition, history.FResume, history.FStart},
	}
	for f, want := range cases {
		if got := Final(f); !slices.Equal(got, want) {
			t.Errorf("Final(%v) = %v, want %v", f, got, want)
		}
	}
}
