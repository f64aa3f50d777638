package actor

import (
	"testing"

	"rumor/messages"
)

// TestFirstContactIsNotAHeal: a leaf whose link to its hub has stalled
// hears, for the first time, from a peer it never sent anything to (a
// stand-in hub's fan-out, say). That proves nothing about the cut to the
// hub, so the stalled link keeps its backoff: no early retry to n0. A
// message from n0 itself, over the stalled link, is the sign of a heal, and
// brings the retry at once.
func TestFirstContactIsNotAHeal(t *testing.T) {
	cfg := testConfig(Star)
	leaf := newInitedNode(t, cfg, "n2", 3)
	step(leaf, broadcast("n2", 2, 1))
	for leaf.links["n0"].out.state != stateStalled {
		step(leaf, Tick{})
	}
	step(leaf, Tick{}) // the stall's own resend is out
	firstContact := Received{Msg: messages.Message{Src: "n1", Dest: "n2", Body: messages.Gossip{Seq: 1, Values: []messages.Value{messages.IntValue(9)}}}}
	for _, m := range step(leaf, firstContact).Messages {
		if m.Dest == "n0" {
			t.Fatalf("first contact from n1 made n2 retry its hub: %v", lines([]messages.Message{m}))
		}
	}
	fromHub := Received{Msg: messages.Message{Src: "n0", Dest: "n2", Body: messages.Gossip{Seq: 1, Values: []messages.Value{messages.IntValue(8)}}}}
	retried := false
	for _, m := range step(leaf, fromHub).Messages {
		retried = retried || m.Dest == "n0"
	}
	if !retried {
		t.Errorf("a message over the stalled link did not bring a retry at once")
	}
}
