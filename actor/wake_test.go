package actor

import (
	"testing"

	"rumor/messages"
)

// TestALateWakeReadsItsInputBeforeJudgingSilence: a leaf whose hub
// promised its next message is woken long after that promise fell due (the
// process could not run), with the hub's message, sent on time, waiting in
// its input. The wake itself takes nobody for silent; the message read
// after it keeps the promise, and the leaf never doubts its hub. Had the
// message not come, the leaf would have doubted the hub once the grace was
// over, and no later.
func TestALateWakeReadsItsInputBeforeJudgingSilence(t *testing.T) {
	cfg := testConfig(Star)
	keep := func(ts, more uint64) Event {
		return Received{Msg: messages.Message{Src: "n0", Dest: "n1", Body: messages.Ack{More: more, HubTS: ts}}}
	}
	doubts := func(ms []messages.Message) bool {
		for _, m := range ms {
			if a, ok := m.Body.(messages.Ack); ok && (a.Now || a.Ask) {
				return true // a hello to the hub, or a question to a peer
			}
		}
		return false
	}
	for _, kept := range []bool{true, false} {
		leaf := newInitedNode(t, cfg, "n1", 3)
		out := step(leaf, keep(1, 3))
		late := out.NextTick + 20
		if got := step(leaf, Tick{N: late}).Messages; len(got) != 0 {
			t.Fatalf("the late wake judged before reading its input: %v", lines(got))
		}
		if kept {
			step(leaf, keep(1+uint64(late), 100)) // the next promise is a long one
		}
		var sent []messages.Message
		for range cfg.RetransmitTicks {
			sent = append(sent, step(leaf, Tick{}).Messages...)
		}
		if doubts(sent) == kept {
			t.Errorf("hub's message read after the late wake: %v; the leaf doubted its hub: %v (%v)", kept, !kept, lines(sent))
		}
	}
}

// TestGracesDoNotChain: on a machine too busy to wake the node on time,
// every wake comes late; the wake at the end of a grace judges all the
// same, so a hub that broke its promise is doubted one grace late, not
// never.
func TestGracesDoNotChain(t *testing.T) {
	cfg := testConfig(Star)
	leaf := newInitedNode(t, cfg, "n1", 3)
	out := step(leaf, Received{Msg: messages.Message{Src: "n0", Dest: "n1", Body: messages.Ack{More: 3, HubTS: 1}}})
	for i := 0; i < 4; i++ {
		out = step(leaf, Tick{N: out.NextTick + 5}) // every wake five ticks late
		for _, m := range out.Messages {
			if a, ok := m.Body.(messages.Ack); ok && a.Now && m.Dest == "n0" {
				if i == 0 {
					t.Fatalf("the first late wake judged at once")
				}
				return
			}
		}
	}
	t.Errorf("four late wakes in a row, and the leaf never doubted a hub that broke its promise")
}
