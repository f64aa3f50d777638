package actor

import (
	"slices"
	"testing"
	"testing/synctest"
	"time"

	"rumor/messages"
)

// wakeCounter is a Handler that records the distinct instants (of the
// synctest bubble's fake clock) at which the loop stepped a Tick: how often
// the loop's goroutine actually woke for time, as opposed to how many ticks
// it delivered (which it counts too).
type wakeCounter struct {
	ticks  int
	wakes  []time.Time
	events int
}

func (w *wakeCounter) handle(ev Event, _ Output) {
	tick, ok := ev.(Tick)
	if !ok {
		w.events++
		return
	}
	w.ticks += int(max(tick.N, 1))
	if now := time.Now(); len(w.wakes) == 0 || !w.wakes[len(w.wakes)-1].Equal(now) {
		w.wakes = append(w.wakes, now)
	}
}

// TestIdleLoopSleeps checks that a node with nothing pending arms no timer:
// after init, topology and its hub's answer to its hello (tree.offered),
// an hour passes without one tick being stepped, however many peers init
// names. The ticks are not lost: the next event first brings the node's
// clock up to date.
func TestIdleLoopSleeps(t *testing.T) {
	for _, size := range []int{25, 10_000} {
		synctest.Test(t, func(t *testing.T) {
			node, _ := NewNode(DefaultConfig())
			var w wakeCounter
			loop := Start(node, 10*time.Millisecond, nil, w.handle)
			defer loop.Stop()

			loop.Push(Received{Msg: initMsg("n1", size)})
			loop.Push(request("n1", 2, messages.Topology{Request: messages.Request{MsgID: 2, HasMsgID: true}}))
			loop.Push(Received{Msg: messages.Message{Src: "n0", Dest: "n1", Body: messages.Ack{}}})
			advance(time.Hour)
			if w.ticks != 0 {
				t.Fatalf("%d peers: an idle node stepped %d ticks in an hour (woke %d times)", size-1, w.ticks, len(w.wakes))
			}
			loop.Push(request("n1", 3, messages.Read{Request: messages.Request{MsgID: 3, HasMsgID: true}}))
			synctest.Wait()
			if w.ticks != 360_000 || len(w.wakes) != 1 || node.now != 360_000 {
				t.Errorf("%d peers: after an hour the next event found %d ticks delivered in %d wakes, clock %d; want 360000 in 1",
					size-1, w.ticks, len(w.wakes), node.now)
			}
		})
	}
}

// TestLoopWakesOnlyWhenDue follows a value nobody acknowledges: the loop
// wakes once per resend (progress.go's schedule) and at no other time,
// and each wake brings the node's clock to the wall clock's tick.
func TestLoopWakesOnlyWhenDue(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		node, _ := NewNode(testConfig(Mesh)) // retransmit after 10 ticks, doubling to 40
		rec := make(recorder, 100)
		var w wakeCounter
		loop := Start(node, 10*time.Millisecond, nil, func(ev Event, out Output) {
			w.handle(ev, out)
			rec.handle(ev, out)
		})
		defer loop.Stop()
		start := time.Now()

		loop.Push(Received{Msg: initMsg("n0", 2)})
		loop.Push(broadcast("n0", 2, 42))
		synctest.Wait()
		rec.drain()
		phase := node.links["n1"].phase // see linkPhase
		advance(time.Second + time.Duration(phase)*10*time.Millisecond)
		// The resends: the suspect's, the stall's, then the backed-off
		// retries (node_test.go's resends).
		var at []time.Duration
		for _, t := range w.wakes {
			at = append(at, t.Sub(start))
		}
		var want []time.Duration
		schedule := resends(testConfig(Mesh), phase, 101+phase)
		for _, tick := range schedule {
			want = append(want, time.Duration(tick)*10*time.Millisecond)
		}
		if !slices.Equal(at, want) {
			t.Errorf("woke at %v, want %v", at, want)
		}
		if got := len(rec.drain()); got != len(want) {
			t.Errorf("%d resends, want %d", got, len(want))
		}
		if want := schedule[len(schedule)-1]; node.now != want {
			t.Errorf("node clock %d after its last wake, want %d", node.now, want)
		}

		// The ack makes the node idle again: no more wakes at all.
		loop.Push(Received{Msg: messages.Message{Src: "n1", Dest: "n0", Body: messages.Ack{Ack: 1}}})
		synctest.Wait()
		woke := len(w.wakes)
		advance(time.Hour)
		if len(w.wakes) != woke {
			t.Errorf("woke %d more times after the ack", len(w.wakes)-woke)
		}
	})
}

// TestEventMakesTickDue checks the other direction: an event that makes
// something due (a value to batch for a fan-out) re-arms a sleeping ticker,
// and the batch leaves on the tick it is due, not later.
func TestEventMakesTickDue(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		node, _ := NewNode(testConfig(Star)) // batch every 3 ticks
		rec := make(recorder, 100)
		loop := Start(node, 10*time.Millisecond, nil, rec.handle)
		defer loop.Stop()

		loop.Push(Received{Msg: initMsg("n0", 3)}) // n0 is the hub
		// Idle: the ticker sleeps. (Not so long that n1's first message
		// counts as coming back from a partition, which is acked at once.)
		advance(100 * time.Millisecond)
		rec.drain()
		relay := func(seq uint64, v int64) {
			loop.Push(Received{Msg: messages.Message{Src: "n1", Dest: "n0", Body: messages.Gossip{
				Seq: seq, Values: []messages.Value{messages.IntValue(v)}, Now: true, Path: []string{"n0"}}}})
		}
		relay(1, 7) // the link to n2 has been quiet for long: goes at once
		synctest.Wait()
		wantLines(t, rec.drain(), `{"src":"n0","dest":"n2","body":{"type":"gossip","seq":1,"values":[7],"ack":0,"more":3,"hub_ts":11}}`)
		relay(2, 8) // within the batch interval: waits 3 ticks, with n1's ack
		synctest.Wait()
		if got := rec.drain(); len(got) != 0 {
			t.Fatalf("sent before the batch interval: %v", lines(got))
		}
		advance(29 * time.Millisecond)
		if got := rec.drain(); len(got) != 0 {
			t.Fatalf("sent before the batch interval: %v", lines(got))
		}
		advance(time.Millisecond)
		wantLines(t, rec.drain(),
			`{"src":"n0","dest":"n1","body":{"type":"ack","ack":2,"hub_ts":14}}`,
			`{"src":"n0","dest":"n2","body":{"type":"gossip","seq":1,"values":[7,8],"ack":0,"more":3,"hub_ts":14}}`)
	})
}
