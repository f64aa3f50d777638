package actor

import (
	"slices"
	"testing"

	"rumor/messages"
)

// burst is a batch of n1's for the relay of relayOf, read with more input
// behind it or not.
func burst(seq uint64, v int64, more bool) Event {
	return Received{Msg: messages.Message{Src: "n1", Dest: "n2", Body: messages.Gossip{Seq: seq, Values: ints(v), Path: []string{"n0"}, HubTS: 5, More: 3}}, More: more}
}

// TestABurstIsPassedOnAsOne: two batches of its parent's that reach a
// relay together (a delivery delay held the first back) go on to each
// child in one message, not one per batch.
func TestABurstIsPassedOnAsOne(t *testing.T) {
	n := relayOf(t)
	ticks(n, 1)
	out := step(n, burst(2, 200, true))
	if len(out.Messages) > 0 {
		t.Fatalf("sent %v with more input waiting, want nothing yet", lines(out.Messages))
	}
	if out.NextTick != 1 {
		t.Fatalf("NextTick %d while holding sends back, want 1", out.NextTick)
	}
	out = step(n, burst(3, 201, false))
	for _, c := range []string{"n3", "n4"} {
		got := valuesTo(out.Messages, c)
		if len(gossipsTo(out.Messages, c)) != 1 || !slices.Contains(got, 200) || !slices.Contains(got, 201) {
			t.Fatalf("%s got %v, want one gossip with 200 and 201", c, lines(out.Messages))
		}
	}
}

// TestATickSendsWhatABurstHeldBack: if the input that was to follow never
// comes as a message (a line that does not decode, the end of input), the
// next tick sends what the burst held back.
func TestATickSendsWhatABurstHeldBack(t *testing.T) {
	n := relayOf(t)
	ticks(n, 1)
	step(n, burst(2, 200, true))
	out := step(n, Tick{})
	for _, c := range []string{"n3", "n4"} {
		if got := valuesTo(out.Messages, c); !slices.Contains(got, 200) {
			t.Fatalf("%s got %v on the tick, want 200", c, lines(out.Messages))
		}
	}
}

// TestARejectedLineSendsWhatABurstHeldBack: a line that does not decode
// ends the burst before it too.
func TestARejectedLineSendsWhatABurstHeldBack(t *testing.T) {
	n := relayOf(t)
	ticks(n, 1)
	step(n, burst(2, 200, true))
	out := step(n, Rejected{Err: &messages.DecodeError{Reason: "not JSON"}})
	for _, c := range []string{"n3", "n4"} {
		if got := valuesTo(out.Messages, c); !slices.Contains(got, 200) {
			t.Fatalf("%s got %v after the bad line, want 200", c, lines(out.Messages))
		}
	}
}
