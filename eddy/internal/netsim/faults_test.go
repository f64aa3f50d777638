package netsim

import (
	"testing"
	"testing/synctest"
	"time"
)

func TestARestartDiscardsWhatWasSentWhileTheNodeWasDown(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := newRig(t, constant100)
		defer r.stop()
		r.node("n0")
		// n1 is registered but has no delivery loop: it is down, and what
		// is sent to it piles up in its queue.
		dead, err := r.net.Register("n1")
		if err != nil {
			t.Fatal(err)
		}
		r.send("n0", "n1", "while-down")
		r.send("n0", "n1", "while-down")
		if dead.Pending() != 2 {
			t.Fatalf("%d messages queued for the dead node, want 2", dead.Pending())
		}
		fresh, err := r.net.Restart("n1")
		if err != nil {
			t.Fatal(err)
		}
		if fresh.Pending() != 0 || dead.Pending() != 0 {
			t.Errorf("after the restart: %d queued on the new member, %d on the old; want both empty", fresh.Pending(), dead.Pending())
		}
		r.send("n0", "n1", "after")
		if fresh.Pending() != 1 {
			t.Errorf("a send after the restart went elsewhere (%d queued on the new member)", fresh.Pending())
		}
		if ids := r.net.Members(); len(ids) != 2 {
			t.Errorf("members %v, want n0 and n1 once each", ids)
		}
		if _, err := r.net.Restart("n9"); err == nil {
			t.Error("restarting a member that was never registered succeeded")
		}
	})
}

func TestAnEndedLoopHandsOverNothingMore(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := newRig(t, constant100)
		defer r.stop()
		r.node("n0")
		m, _ := r.net.Register("n1")
		done := make(chan struct{})
		delivered := 0
		ended := make(chan struct{})
		go func() {
			defer close(ended)
			m.Deliver(done, func(*Message) { delivered++ })
		}()
		r.send("n0", "n1", "x") // the loop sleeps on it until 100ms
		advance(50 * ms)
		close(done)
		<-ended
		r.send("n0", "n1", "y")
		advance(200 * ms)
		if delivered != 0 {
			t.Errorf("%d messages delivered after the loop was ended", delivered)
		}
	})
}

func TestAPausedNodeIsNotCountedAsLag(t *testing.T) {
	for _, told := range []bool{false, true} {
		synctest.Test(t, func(t *testing.T) {
			r := newRig(t, constant100)
			defer r.stop()
			r.node("n0")
			m, _ := r.net.Register("n1")
			r.net.MarkZero()
			// The sink stands for a stopped node's full pipe: the first
			// write blocks until the node is resumed, 5 s later, and the
			// node then takes 10 ms to read each message that piled up.
			gate := make(chan struct{})
			first := true
			ended, done := make(chan struct{}), make(chan struct{})
			go func() {
				defer close(ended)
				m.Deliver(done, func(*Message) {
					if first {
						first = false
						<-gate
						return
					}
					time.Sleep(10 * ms)
				})
			}()
			if told {
				m.SetStopped(true)
			}
			for range 5 {
				r.send("n0", "n1", "gossip")
			}
			advance(5000 * ms)
			if told {
				m.SetStopped(false)
			}
			close(gate)
			advance(100 * ms)
			// Once the backlog is worked off, a message due later is
			// measured against the model as usual.
			r.send("n0", "n1", "gossip")
			advance(200 * ms)
			lag := r.net.Lag()
			switch {
			case told && (lag.Samples != 5 || lag.Max != 0 || lag.Timer.Samples != 1):
				t.Errorf("paused node: lag %+v, want the four deliveries of the backlog and the next one on time, the one during the pause left out", lag)
			case !told && lag.Max < 4800*ms:
				t.Errorf("a slow reader nobody paused: lag %+v, want the 4.9 s wait counted", lag)
			}
			close(done)
			<-ended
		})
	}
}
