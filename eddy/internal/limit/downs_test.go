package limit

import (
	"slices"
	"testing"

	"eddy/internal/checker"
	"eddy/internal/history"
)

// fault appends a kill, start, pause or resume: its invocation and, at the
// same time, its completion with what it did to each node.
func (b *builder) fault(at int64, f string, of map[string]string) *builder {
	b.op(history.NemesisProcess, history.Info, f, history.EDN(":all"), at)
	return b.op(history.NemesisProcess, history.Info, f, history.Outcomes{Of: of, Text: "{}"}, at)
}

func TestDownSpansFollowTheFaults(t *testing.T) {
	var b builder
	b.fault(ms(10), history.FPause, map[string]string{"n0": history.Paused, "n1": history.Paused}).
		fault(ms(20), history.FKill, map[string]string{"n0": history.Killed, "n2": history.Killed}).
		fault(ms(30), history.FResume, map[string]string{"n0": history.NotRunning, "n1": history.Resumed, "n2": history.NotRunning}).
		// A start whose init failed records an error, not outcomes: it
		// brings nobody back.
		op(history.NemesisProcess, history.Info, history.FStart, history.EDN(":all"), ms(40)).
		op(history.NemesisProcess, history.Info, history.FStart, history.EDN(":all"), ms(45)).
		fault(ms(50), history.FStart, map[string]string{"n0": history.Started, "n1": history.AlreadyRunning, "n2": history.AlreadyRunning}).
		fault(ms(60), history.FKill, map[string]string{"n1": history.Crashed}).
		fault(ms(70), history.FStart, map[string]string{"n0": history.AlreadyRunning, "n1": history.Crashed, "n2": history.AlreadyRunning}).
		fault(ms(80), history.FPause, map[string]string{"n2": history.Paused}).
		fault(ms(85), history.FStart, map[string]string{"n2": history.AlreadyRunning})
	got := downsOf(b.h, three)
	want := downs{
		{{ms(10), ms(50)}},                  // paused, then killed, then started
		{{ms(10), ms(30)}, {ms(60), never}}, // paused and resumed; crashed for good
		{{ms(20), ms(50)}, {ms(80), never}}, // killed, back on already-running; paused and never resumed
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("n%d down %v, want %v", i, got[i], want[i])
		}
	}
	if up := got.upAt(0, ms(5)); up != ms(5) {
		t.Errorf("upAt before any fault = %d", up)
	}
	if up := got.upAt(0, ms(10)); up != ms(50) {
		t.Errorf("upAt at the pause = %d, want the start at 50 ms", up)
	}
	if up := got.upAt(1, ms(65)); up != never {
		t.Errorf("a crashed node is up at %d", up)
	}
}

func TestABackToBackSpanIsCrossedWhole(t *testing.T) {
	d := downs{{{from: 10, to: 20}, {from: 20, to: 30}}}
	if up := d.upAt(0, 15); up != 30 {
		t.Errorf("upAt = %d, want 30", up)
	}
}

func TestADownNodeNeitherReceivesNorForwards(t *testing.T) {
	cases := []struct {
		name   string
		faults func(*builder)
		origin int
		want   []int64
	}{
		{"a hop to a killed node lands when it has been started",
			func(b *builder) {
				b.fault(ms(50), history.FKill, map[string]string{"n2": history.Killed}).
					fault(ms(500), history.FStart, map[string]string{"n0": history.AlreadyRunning, "n1": history.AlreadyRunning, "n2": history.Started})
			}, 0, []int64{0, hop, ms(500)}},
		{"a paused origin forwards once resumed",
			func(b *builder) {
				b.fault(0, history.FPause, map[string]string{"n0": history.Paused}).
					fault(ms(300), history.FResume, map[string]string{"n0": history.Resumed, "n1": history.Resumed, "n2": history.Resumed})
			}, 0, []int64{0, ms(300) + hop, ms(300) + hop}},
		{"a killed node keeps what it had and forwards it when back",
			func(b *builder) {
				b.fault(0, history.FKill, map[string]string{"n0": history.Killed}).
					fault(ms(600), history.FStart, map[string]string{"n0": history.Started, "n1": history.AlreadyRunning, "n2": history.AlreadyRunning})
			}, 0, []int64{0, ms(600) + hop, ms(600) + hop}},
		{"a node killed for good is never reached",
			func(b *builder) { b.fault(ms(50), history.FKill, map[string]string{"n1": history.Killed}) },
			0, []int64{0, never, hop}},
		{"a relay around a paused node",
			func(b *builder) {
				b.partition(0, map[string][]string{"n0": {"n2"}, "n2": {"n0"}, "n1": {}}).
					fault(0, history.FPause, map[string]string{"n1": history.Paused}).
					fault(ms(250), history.FResume, map[string]string{"n1": history.Resumed}).
					heal(ms(1000))
			}, 0, []int64{0, ms(250), ms(250) + hop}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b builder
			c.faults(&b)
			if got := arrivals(t, &b, three, c.origin); !slices.Equal(got, c.want) {
				t.Errorf("arrivals = %v, want %v", got, c.want)
			}
		})
	}
}

func TestComputeWaitsForTheRestart(t *testing.T) {
	// Value 1 from n0 at 10 ms. n1 cannot hear n0 until 1 s; n2, which
	// hears both, is killed from 5 ms to 700 ms. The perfect broadcast
	// lands the value on n2 at its restart and relays it to n1 one hop
	// later, at 800 ms: n1's read at 750 ms is the last to miss it, and
	// the limit is 740 ms.
	var b builder
	b.partition(0, map[string][]string{"n1": {"n0"}, "n0": {}, "n2": {}}).
		fault(ms(5), history.FKill, map[string]string{"n2": history.Killed}).
		broadcast(0, 1, ms(10), ms(10)).
		fault(ms(700), history.FStart, map[string]string{"n0": history.AlreadyRunning, "n1": history.AlreadyRunning, "n2": history.Started}).
		read(1, ms(750), ms(751)).
		read(1, ms(900), ms(901), 1).
		heal(ms(1000)).
		read(2, ms(1100), ms(1101), 1)
	r := Compute(b.h, checker.SetFull(b.h), network())
	if r.Limit == nil || r.Limit.Max != 740 {
		t.Errorf("limit = %+v, want 740 ms", r.Limit)
	}
}

func TestAReadOnAPausedNodeIsAnsweredWhenItIsBack(t *testing.T) {
	// n2 is paused from 0 to 600 ms. Value 1 from n0 at 10 ms lands on n2
	// at the resume. A read on n2 invoked at 300 ms, during the pause,
	// waits in its pipe and is answered after the resume: the real node
	// had the value by then, and so has the perfect one. The read on n2
	// that misses it is the one at 5 ms, before the value was sent.
	var b builder
	b.fault(0, history.FPause, map[string]string{"n2": history.Paused}).
		read(2, ms(5), ms(6)).
		broadcast(0, 1, ms(10), ms(10)).
		read(2, ms(300), ms(601), 1).
		fault(ms(600), history.FResume, map[string]string{"n0": history.Resumed, "n1": history.Resumed, "n2": history.Resumed}).
		read(1, ms(700), ms(701), 1)
	r := Compute(b.h, checker.SetFull(b.h), network())
	if r.Workload.StableCount != 1 || r.Limit == nil || r.Limit.Max != 0 {
		t.Errorf("limit %+v (workload %+v), want the value stable at once", r.Limit, r.Workload)
	}
}
