package netsim

import (
	"errors"
	"slices"
	"testing"
	"testing/synctest"
	"time"
)

var constant100 = Latency{MeanMillis: 100, Dist: Constant}

func TestLatencyAppliesOnlyBetweenServers(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := newRig(t, constant100)
		defer r.stop()
		r.node("n0")
		r.node("n1")
		r.node("lin-kv")
		c := r.client("c0")

		r.send("c0", "n0", "from-client")
		r.send("n0", "n1", "server-to-server")
		r.send("n0", "lin-kv", "server-to-service")
		r.send("n1", "c0", "to-client")
		synctest.Wait()

		if a, ok := r.arrivalOf("from-client"); !ok || a.at != 0 {
			t.Errorf("client→server arrived at %v (ok=%v), want 0", a.at, ok)
		}
		msg, ok := c.Poll(r.done, time.Second)
		if !ok || msg.Type != "to-client" || msg.Deadline != msg.Sent {
			t.Errorf("server→client: got %+v ok=%v, want immediate delivery", msg, ok)
		}
		advance(200 * ms)
		for _, typ := range []string{"server-to-server", "server-to-service"} {
			if a, ok := r.arrivalOf(typ); !ok || a.at != 100*ms {
				t.Errorf("%s arrived at %v (ok=%v), want 100ms", typ, a.at, ok)
			}
		}
	})
}

func TestPartitionIsCheckedAtDequeue(t *testing.T) {
	t.Run("sent before the partition, dequeued during it: dropped", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			r := newRig(t, constant100)
			defer r.stop()
			r.node("n0")
			r.node("n1")
			r.node("n2")
			r.send("n2", "n1", "blocker") // n1's loop sleeps on this until 100ms
			advance(10 * ms)
			r.send("n0", "n1", "victim") // queued behind the blocker
			advance(40 * ms)
			r.net.Partition(map[string][]string{"n1": {"n0"}})
			advance(200 * ms)
			if _, ok := r.arrivalOf("victim"); ok {
				t.Error("message dequeued during the partition was delivered")
			}
			if _, ok := r.arrivalOf("blocker"); !ok {
				t.Error("message from an unpartitioned source was lost")
			}
		})
	})
	t.Run("dequeued before the partition: delivered", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			r := newRig(t, constant100)
			defer r.stop()
			r.node("n0")
			r.node("n1")
			r.send("n0", "n1", "in-flight") // taken at once, due at 100ms
			advance(50 * ms)
			r.net.Partition(map[string][]string{"n1": {"n0"}})
			advance(100 * ms)
			if a, ok := r.arrivalOf("in-flight"); !ok || a.at != 100*ms {
				t.Errorf("in-flight message: arrival %v ok=%v, want delivery at 100ms", a.at, ok)
			}
		})
	})
	t.Run("sent during the partition, dequeued after heal: delivered", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			r := newRig(t, constant100)
			defer r.stop()
			r.node("n0")
			r.node("n1")
			r.node("n2")
			r.net.Partition(map[string][]string{"n1": {"n0"}})
			r.send("n2", "n1", "blocker")
			advance(10 * ms)
			r.send("n0", "n1", "late")
			advance(40 * ms)
			r.net.Heal()
			advance(200 * ms)
			if a, ok := r.arrivalOf("late"); !ok || a.at != 110*ms {
				t.Errorf("message sent during the partition: arrival %v ok=%v, want 110ms", a.at, ok)
			}
		})
	})
}

func TestHeadOfLineBlocking(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := newRig(t, constant100)
		defer r.stop()
		r.node("n0")
		r.node("n1")
		r.client("c0")
		r.send("n0", "n1", "slow") // n1's loop sleeps until 100ms
		advance(10 * ms)
		// Due at 10ms, but stuck behind "slow"; sent as a client's
		// request, so that Landed can tell when it got through.
		id, err := r.net.Request(Message{Src: "c0", Dest: "n1", Type: "urgent", Body: []byte(`{"type":"urgent"}`)})
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := r.net.Landed(id); ok {
			t.Errorf("Landed reported the request before the sleeping head was delivered")
		}
		advance(200 * ms)
		got := r.arrivals()
		if len(got) != 2 || got[0].msg.Type != "slow" || got[1].msg.Type != "urgent" {
			t.Fatalf("arrivals %+v, want slow then urgent", got)
		}
		if got[1].at != 100*ms {
			t.Errorf("client request delivered at %v, want 100ms (blocked behind the sleeping head)", got[1].at)
		}
		if at, ok := r.net.Landed(id); !ok || at != int64(100*ms) {
			t.Errorf("Landed = %v, %v; want 100ms, true", time.Duration(at), ok)
		}
		if _, ok := r.net.Landed(id); ok {
			t.Errorf("Landed answered twice for one request")
		}
		if _, ok := r.net.Landed(0); ok {
			t.Errorf("a server message's landing was remembered")
		}
	})
}

func TestDeliveryOrderFollowsDeadlines(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := newRig(t, constant100)
		defer r.stop()
		r.node("n0")
		r.node("n1")
		r.node("n2")
		r.send("n2", "n1", "blocker") // occupies n1's loop until 100ms
		advance(20 * ms)
		r.send("n0", "n1", "second") // due 120ms
		// An unknown source is rejected without disturbing the queue.
		if err := r.net.Send(Message{Src: "c9", Dest: "n1", Type: "never", Body: []byte(`{}`)}); err == nil {
			t.Error("send from an unregistered source was accepted")
		}
		advance(5 * ms)
		r.client("c1")
		r.send("c1", "n1", "first-due") // due 25ms, queued ahead of "second"
		advance(200 * ms)
		var order []string
		for _, a := range r.arrivals() {
			order = append(order, a.msg.Type)
		}
		want := []string{"blocker", "first-due", "second"}
		if len(order) != 3 || order[0] != want[0] || order[1] != want[1] || order[2] != want[2] {
			t.Errorf("delivery order %v, want %v", order, want)
		}
	})
}

func TestJournalCounts(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := newRig(t, constant100)
		defer r.stop()
		r.node("n0")
		r.node("n1")
		c := r.client("c0")
		r.send("c0", "n0", "req")   // id 0: clients group
		r.send("n0", "c0", "reply") // id 1: clients group
		// id 2 is allocated, then rejected: unknown destination.
		err := r.net.Send(Message{Src: "n0", Dest: "c7", Body: []byte(`{}`)})
		var unknown *UnknownMemberError
		if !errors.As(err, &unknown) || unknown.MsgID != 2 {
			t.Fatalf("send to unknown member: err=%v, want UnknownMemberError for id 2", err)
		}
		r.send("n0", "n1", "gossip") // id 3, delivered
		advance(10 * ms)
		r.net.Partition(map[string][]string{"n0": {"n1"}})
		r.send("n1", "n0", "lost") // id 4: dropped at dequeue
		advance(200 * ms)
		if _, ok := c.Poll(r.done, time.Second); !ok {
			t.Fatal("client never got its reply")
		}
		got := r.net.Counts()
		want := Counts{
			All:     Group{SendCount: 4, RecvCount: 3, MsgCount: 4},
			Clients: Group{SendCount: 2, RecvCount: 2, MsgCount: 2},
			Servers: Group{SendCount: 2, RecvCount: 1, MsgCount: 2},
		}
		if got != want {
			t.Errorf("counts %+v, want %+v", got, want)
		}
		var ids []int64
		for _, a := range r.arrivals() {
			ids = append(ids, a.msg.ID)
		}
		if len(ids) != 2 || ids[0] != 0 || ids[1] != 3 {
			t.Errorf("delivered ids %v, want [0 3] (id 2 skipped, id 4 dropped)", ids)
		}
	})
}

func TestUnregisteredClientCannotBeReached(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := newRig(t, constant100)
		defer r.stop()
		r.node("n0")
		c := r.net.OpenClient()
		if c.ID() != "c0" {
			t.Fatalf("first client is %s, want c0", c.ID())
		}
		r.net.Unregister(c.ID())
		err := r.net.Send(Message{Src: "n0", Dest: "c0", Body: []byte(`{}`)})
		var unknown *UnknownMemberError
		if !errors.As(err, &unknown) || unknown.Role != "dest" {
			t.Errorf("reply to closed client: err=%v, want unknown dest", err)
		}
		if next := r.net.OpenClient(); next.ID() != "c1" {
			t.Errorf("second client is %s, want c1 (ids are never reused)", next.ID())
		}
	})
}

func TestPollTimesOut(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := newRig(t, constant100)
		defer r.stop()
		c := r.client("c0")
		start := r.net.Now()
		if _, ok := c.Poll(r.done, 5*time.Second); ok {
			t.Fatal("poll on an empty queue returned a message")
		}
		if waited := time.Duration(r.net.Now() - start); waited != 5*time.Second {
			t.Errorf("poll waited %v, want 5s", waited)
		}
	})
}

func TestLagAndHeadOfLineAreMeasuredAgainstTheModel(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := newRig(t, constant100)
		defer r.stop()
		r.node("n0")
		r.node("n1")
		r.client("c0")
		r.send("c0", "n1", "setup") // before MarkZero: not a sample
		advance(ms)
		r.net.MarkZero()
		r.send("n0", "n1", "timed") // slept for: a timer sample
		advance(10 * ms)
		r.send("c0", "n1", "blocked") // due at 10ms, but the model delivers it after "timed"
		advance(200 * ms)
		lag := r.net.Lag()
		// On the fake clock nothing is late: head-of-line blocking is the
		// model's delay, not lag.
		if len(lag.Deliveries) != 2 || slices.Max(lag.Deliveries) != 0 || len(lag.Wakeups) != 1 || lag.Wakeups[0] != 0 {
			t.Errorf("lag %+v, want two deliveries (none from before MarkZero) and one timer sample, all on time", lag)
		}
		// The model's own wait is recorded beside the lag: "blocked" was
		// due at 10ms and handed over at 100ms, behind "timed".
		hol := r.net.HeadOfLine()
		if want := []time.Duration{0, 90 * ms}; !slices.Equal(hol.Waits, want) {
			t.Errorf("head-of-line waits %v, want %v", hol.Waits, want)
		}
		if want := (Held{Member: "n1", Due: 10 * ms, Wait: 90 * ms}); hol.Longest != want {
			t.Errorf("longest wait %+v, want %+v", hol.Longest, want)
		}
	})
}

func TestUniformLatencyWithZeroMeanIsRejected(t *testing.T) {
	if err := (Latency{MeanMillis: 0, Dist: Uniform}).Validate(); err == nil {
		t.Error("uniform latency with mean 0 accepted; Maelstrom would hang")
	}
}

func TestMarkZeroShiftsNowButNotDeadlines(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := newRig(t, constant100)
		defer r.stop()
		r.node("n0")
		r.node("n1")
		advance(30 * ms)
		r.send("n0", "n1", "straddles-zero") // due 100ms after it was sent
		advance(20 * ms)
		r.net.MarkZero()
		if now := r.net.Now(); now != 0 {
			t.Errorf("Now right after MarkZero = %v, want 0", now)
		}
		advance(200 * ms)
		// Arrival times in the rig are relative: 30+100-50 = 80ms after zero.
		if a, ok := r.arrivalOf("straddles-zero"); !ok || a.at != 80*ms {
			t.Errorf("arrival %v ok=%v, want 80ms after zero", a.at, ok)
		}
	})
}
