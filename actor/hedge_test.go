package actor

import (
	"slices"
	"testing"

	"rumor/messages"
)

// hedgingLeaf returns n1 of n0…n2, a leaf of n0 whose link to it has
// measured round trips of 4 ticks (so hedges count from 8 ticks, and the
// timeout is 13), having just sent its client's value 7 up at tick 0.
func hedgingLeaf(t *testing.T) (*Node, *link) {
	t.Helper()
	n := newInitedNode(t, testConfig(Star), "n1", 3)
	l := n.links["n0"]
	l.rtt.sample(4)
	l.rtt.sample(4)
	if got := valuesTo(step(n, broadcast("n1", 2, 7)).Messages, "n0"); !slices.Equal(got, []int64{7}) {
		t.Fatalf("value 7 went up as %v, want [7] at once", got)
	}
	return n, l
}

// hubBatch is a batch of n0's to n1 carrying value v and acknowledging
// n1's stream up to ack.
func hubBatch(seq uint64, v int64, ack uint64) Event {
	return Received{Msg: messages.Message{Src: "n0", Dest: "n1", Body: messages.Gossip{Seq: seq, Values: ints(v), Ack: ack, HubTS: 1}}}
}

// TestALateBatchWithoutTheAckHedges: a batch of the hub's that lacks the
// acknowledgement of value 7 hedges only once it comes more than two round
// trips after 7 went up; the hedge resends 7 asking for an answer, once,
// and leaves the link streaming.
func TestALateBatchWithoutTheAckHedges(t *testing.T) {
	n, l := hedgingLeaf(t)
	ticks(n, 5)
	if got := valuesTo(step(n, hubBatch(1, 100, 0)).Messages, "n0"); got != nil {
		t.Fatalf("tick %d: resent %v on a batch within two round trips, want nothing", n.now, got)
	}
	ticks(n, 4)
	out := step(n, hubBatch(2, 101, 0))
	g := gossipsTo(out.Messages, "n0")
	if len(g) != 1 || !slices.Equal(valuesTo(out.Messages, "n0"), []int64{7}) || !g[0].Now {
		t.Fatalf("tick %d: sent %v on a batch lacking the ack two round trips late, want 7 again asking for an answer", n.now, lines(out.Messages))
	}
	if l.out.state != stateReplicate {
		t.Fatalf("the hedge moved the link to %v, want it streaming", l.out.state)
	}
	if got := valuesTo(step(n, hubBatch(3, 102, 0)).Messages, "n0"); got != nil {
		t.Fatalf("hedged twice in one wait: %v", got)
	}
}

// TestALateBatchWithTheAckDoesNotHedge: the same late batch, acknowledging
// value 7, is no evidence of anything.
func TestALateBatchWithTheAckDoesNotHedge(t *testing.T) {
	n, _ := hedgingLeaf(t)
	ticks(n, 9)
	if got := valuesTo(step(n, hubBatch(1, 100, 1)).Messages, "n0"); got != nil {
		t.Fatalf("resent %v on a batch that acknowledged it", got)
	}
}

// TestAHedgeNeedsMeasuredRoundTrips: a link that has not measured its
// round trip twice never hedges; its timeout alone resends.
func TestAHedgeNeedsMeasuredRoundTrips(t *testing.T) {
	n := newInitedNode(t, testConfig(Star), "n1", 3)
	step(n, broadcast("n1", 2, 7))
	ticks(n, 9)
	if got := valuesTo(step(n, hubBatch(1, 100, 0)).Messages, "n0"); got != nil {
		t.Fatalf("resent %v with no round trip measured", got)
	}
}
