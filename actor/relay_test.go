package actor

import (
	"slices"
	"testing"

	"rumor/messages"
)

// relayOf returns n2 of n0…n4 as a relay: a leaf of n1 (whose way leads
// to n0) with n3 and n4 as its children, which sent a value of its own
// client's (50) up to n1 at tick 0 and has just, at tick 1, passed a
// batch of n1's (value 100) on to both children.
func relayOf(t *testing.T) *Node {
	t.Helper()
	n := newInitedNode(t, testConfig(Star), "n2", 5) // batch every 3 ticks
	tr := n.strategy.(*tree)
	tr.paths["n1"] = []string{"n0"}
	tr.becomeLeaf(n, "n1", reasonCloser)
	if out := step(n, broadcast("n2", 2, 50)); !slices.Equal(valuesTo(out.Messages, "n1"), []int64{50}) {
		t.Fatalf("the relay's own value went up as %v, want [50] at once", lines(out.Messages))
	}
	for _, c := range []string{"n3", "n4"} {
		step(n, Received{Msg: messages.Message{Src: c, Dest: "n2", Body: messages.Ack{Path: []string{"n0", "n1", "n2"}, HubTS: 1}}})
	}
	if !slices.Equal(tr.children, []string{"n3", "n4"}) {
		t.Fatalf("children %v, want [n3 n4]", tr.children)
	}
	ticks(n, 1)
	out := step(n, fromPeer("n1", messages.Gossip{Seq: 1, Values: ints(100), Path: []string{"n0"}, HubTS: 2, More: 3}))
	for _, c := range []string{"n3", "n4"} {
		if got := valuesTo(out.Messages, c); !slices.Contains(got, 100) {
			t.Fatalf("n1's batch passed on to %s as %v, want 100 in it", c, got)
		}
	}
	return n
}

// fromPeer is a message from src to the relay, n2.
func fromPeer(src string, body messages.Body) Event {
	return Received{Msg: messages.Message{Src: src, Dest: "n2", Body: body}}
}

// ints makes integer values.
func ints(vs ...int64) []messages.Value {
	out := make([]messages.Value, len(vs))
	for i, v := range vs {
		out[i] = messages.IntValue(v)
	}
	return out
}

// valuesTo returns the values of every gossip in ms addressed to dest, in
// order, and nil if none went there.
func valuesTo(ms []messages.Message, dest string) []int64 {
	var got []int64
	for _, g := range gossipsTo(ms, dest) {
		for _, v := range g.Values {
			i, _ := v.Int()
			got = append(got, i)
		}
	}
	return got
}

// TestARelayPassesAChildsValueDownWithItsParentsBatch: a value from n3
// goes up to n1 at once, and to n3's sibling n4 with n1's next batch, in
// one message, not at once on its own; n3's acknowledgement rides on that
// batch too, within the batch interval n3 allows for an answer.
//
// n3's value comes at tick 3, when the relay's link to n1 last sent a
// batch interval ago: on the rule before, that link's batch falling due
// pulled the batches of every other link along, and n4 got a message for
// n3's value alone.
func TestARelayPassesAChildsValueDownWithItsParentsBatch(t *testing.T) {
	n := relayOf(t)
	ticks(n, 2)
	out := step(n, fromPeer("n3", messages.Gossip{Seq: 1, Values: ints(7), Now: true, Path: []string{"n0", "n1", "n2"}, HubTS: 2}))
	if got := valuesTo(out.Messages, "n1"); !slices.Contains(got, 7) {
		t.Fatalf("tick %d: n3's value went up to n1 as %v, want 7 at once", n.now, got)
	}
	if got := valuesTo(out.Messages, "n4"); got != nil {
		t.Fatalf("tick %d: n3's value went to n4 at once (%v): want it with n1's next batch", n.now, got)
	}
	if o := step(n, Tick{}); len(o.Messages) > 0 {
		t.Fatalf("tick %d: sent %v before n1's next batch", n.now, lines(o.Messages))
	}
	out = step(n, fromPeer("n1", messages.Gossip{Seq: 2, Values: ints(9), Path: []string{"n0"}, HubTS: 5, More: 3}))
	// n4 has acknowledged nothing, so what it has had goes again with them.
	got := valuesTo(out.Messages, "n4")
	if toN4 := gossipsTo(out.Messages, "n4"); len(toN4) != 1 || !slices.Contains(got, 7) || !slices.Contains(got, 9) {
		t.Fatalf("n4 got %v with n1's batch, want one gossip with 7 and 9", lines(out.Messages))
	}
	if toN3 := gossipsTo(out.Messages, "n3"); len(toN3) != 1 || toN3[0].Ack != 1 {
		t.Fatalf("n3 got %v, want one gossip with n1's batch acknowledging its value", lines(out.Messages))
	}
}

// gossipsTo returns the gossip bodies in ms addressed to dest.
func gossipsTo(ms []messages.Message, dest string) []messages.Gossip {
	var got []messages.Gossip
	for _, m := range ms {
		if g, ok := m.Body.(messages.Gossip); ok && m.Dest == dest {
			got = append(got, g)
		}
	}
	return got
}

// TestARelaysOwnBatchGoesWhenItsParentsIsLate: with no batch from n1, a
// child's value still reaches its sibling a fifth of a batch interval
// after the batch interval.
func TestARelaysOwnBatchGoesWhenItsParentsIsLate(t *testing.T) {
	n := relayOf(t)
	due := n.now + n.batch + max(1, n.batch/5) // the children's link last sent now
	step(n, fromPeer("n3", messages.Gossip{Seq: 1, Values: ints(7), Now: true, Path: []string{"n0", "n1", "n2"}, HubTS: 2}))
	for range 2 * n.batch {
		if out := step(n, Tick{}); valuesTo(out.Messages, "n4") != nil {
			if n.now != due {
				t.Fatalf("n4 got n3's value at tick %d, want %d (B + B/5 after the last batch)", n.now, due)
			}
			return
		}
	}
	t.Fatalf("n4 did not get n3's value by tick %d", n.now)
}
