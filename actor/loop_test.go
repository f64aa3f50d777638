package actor

import (
	"testing"
	"testing/synctest"
	"time"

	"rumor/messages"
)

// advance moves a synctest bubble's fake clock forward by d. Inside the
// bubble the timer fires as soon as every goroutine is blocked, so no real
// time passes and the outcome does not depend on the machine's speed.
func advance(d time.Duration) {
	<-time.After(d)
	synctest.Wait()
}

// recorder collects a loop's outputs on a channel, so the test goroutine
// reads them with a proper happens-before edge.
type recorder chan messages.Message

func (r recorder) handle(_ Event, out Output) {
	for _, m := range out.Messages {
		r <- m
	}
}

func (r recorder) drain() []messages.Message {
	var got []messages.Message
	for {
		select {
		case m := <-r:
			got = append(got, m)
		default:
			return got
		}
	}
}

// TestLoopResendsOnTicks checks the ticker wiring: a value nobody
// acknowledges is resent on schedule by the loop's own ticker, with backoff,
// and the resends stop once the ack arrives.
func TestLoopResendsOnTicks(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		node, _ := NewNode(testConfig(Mesh)) // retransmit after 10 ticks, doubling
		rec := make(recorder, 100)
		loop := Start(node, 10*time.Millisecond, nil, rec.handle)
		defer loop.Stop()

		loop.Push(Received{Msg: initMsg("n0", 2)})
		loop.Push(broadcast("n0", 2, 42))
		synctest.Wait()
		wantLines(t, rec.drain(),
			`{"src":"n0","dest":"c0","body":{"type":"init_ok","in_reply_to":1}}`,
			`{"src":"n0","dest":"c9","body":{"type":"broadcast_ok","in_reply_to":2}}`,
			`{"src":"n0","dest":"n1","body":{"type":"gossip","seq":1,"values":[42],"ack":0}}`)

		// The suspect's resend after R + A = 15 ticks, another a timeout of
		// R + B = 13 ticks later, and the stall's a timeout after that
		// (plan.go), each asking for a prompt answer.
		advance(149 * time.Millisecond)
		if got := rec.drain(); len(got) != 0 {
			t.Fatalf("resent too early: %v", lines(got))
		}
		advance(time.Millisecond)
		wantLines(t, rec.drain(), `{"src":"n0","dest":"n1","body":{"type":"gossip","seq":1,"values":[42],"ack":0,"now":true}}`)
		advance(130 * time.Millisecond)
		wantLines(t, rec.drain(), `{"src":"n0","dest":"n1","body":{"type":"gossip","seq":1,"values":[42],"ack":0,"now":true}}`)
		advance(130 * time.Millisecond)
		wantLines(t, rec.drain(), `{"src":"n0","dest":"n1","body":{"type":"gossip","seq":1,"values":[42],"ack":0,"now":true}}`)

		loop.Push(Received{Msg: messages.Message{Src: "n1", Dest: "n0", Body: messages.Ack{Ack: 1}}})
		advance(10 * time.Second)
		if got := rec.drain(); len(got) != 0 {
			t.Errorf("resent after the ack: %v", lines(got))
		}
	})
}

// TestStopIsIdempotentAndPushNeverBlocksAfterIt stops a loop from several
// goroutines at once and pushes afterwards.
func TestStopIsIdempotentAndPushNeverBlocksAfterIt(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		node, _ := NewNode(testConfig(Star))
		loop := Start(node, time.Millisecond, nil, func(Event, Output) {})
		done := make(chan struct{})
		for range 3 {
			go func() {
				loop.Stop()
				done <- struct{}{}
			}()
		}
		for range 3 {
			<-done
		}
		loop.Stop()
		if loop.Push(Tick{}) {
			t.Error("Push after Stop reported success")
		}
		select {
		case <-loop.Done():
		default:
			t.Error("Done is not closed after Stop")
		}
	})
}

// TestPushedEventsAreNotDroppedByStop pushes events and stops at once: every
// event pushed before Stop has been applied.
func TestPushedEventsAreNotDroppedByStop(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		node, _ := NewNode(testConfig(Star))
		applied := 0
		loop := Start(node, time.Hour, nil, func(ev Event, _ Output) {
			if _, ok := ev.(Received); ok {
				applied++
			}
		})
		loop.Push(Received{Msg: initMsg("n0", 1)})
		for i := range 100 {
			loop.Push(broadcast("n0", int64(i+2), int64(i)))
		}
		loop.Stop()
		if applied != 101 || len(node.Values()) != 100 {
			t.Errorf("applied %d events, stored %d values; want 101 and 100", applied, len(node.Values()))
		}
	})
}
