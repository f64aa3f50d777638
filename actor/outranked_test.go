package actor

import (
	"slices"
	"strings"
	"testing"

	"rumor/messages"
)

// outrankedOrphan returns n3 of n0…n4 as a leaf of n4 whose way has just
// come to lead to n4 itself as a hub, later than n3 in init order, with n1
// heard from since n3's parent turned doubtful: n3 is outranked, with a
// node before it stranded with it, so it waits its turn as an orphan.
func outrankedOrphan(t *testing.T) (*Node, *tree) {
	t.Helper()
	n := newInitedNode(t, testConfig(Star), "n3", 5)
	tr := n.strategy.(*tree)
	tr.paths["n4"] = []string{"n0"}
	tr.becomeLeaf(n, "n4", reasonCloser)
	tr.doubtedAt = n.now
	n.links["n1"].lastHeard = n.now
	step(n, Received{Msg: messages.Message{Src: "n4", Dest: "n3", Body: messages.Ack{HubTS: 1}}})
	if !tr.orphan || tr.parent != "n4" {
		t.Fatalf("outranked by n4 with n1 stranded too: orphan %v, parent %q; want an orphan still sending through n4", tr.orphan, tr.parent)
	}
	return n, tr
}

// becameHub ticks n for ticks ticks and reports whether it noted
// becoming a hub.
func becameHub(n *Node, ticks int64) bool {
	for range ticks {
		out := step(n, Tick{})
		if slices.ContainsFunc(out.Notes, func(s string) bool { return strings.HasSuffix(s, "-> "+n.self+": outranked") }) {
			return true
		}
	}
	return false
}

// TestAnOutrankedNodeWaitsItsTurn: outranked, n3 does not become a hub at
// once (its whole tree would, each handing its store to every peer) but
// at its turn, if no earlier hub has turned up meanwhile.
func TestAnOutrankedNodeWaitsItsTurn(t *testing.T) {
	n, tr := outrankedOrphan(t)
	if !becameHub(n, tr.hubAt-n.now+1) {
		t.Fatalf("n3 did not become a hub at its turn (tick %d)", tr.hubAt)
	}
}

// TestAnOutrankedNodeWhoseParentJoinsAnEarlierHubStays: while n3 waits,
// n4 joins n1, an earlier hub; n3's way is good again, and it stays.
func TestAnOutrankedNodeWhoseParentJoinsAnEarlierHubStays(t *testing.T) {
	n, tr := outrankedOrphan(t)
	step(n, Received{Msg: messages.Message{Src: "n4", Dest: "n3", Body: messages.Ack{Path: []string{"n1"}, HubTS: 2}}})
	if tr.orphan {
		t.Fatal("n3 is still an orphan once n4's way leads to n1")
	}
	if becameHub(n, 10*n.cfg.MaxRetransmitTicks) || tr.parent != "n4" {
		t.Fatalf("n3 left n4 (parent %q) though its way leads to n1", tr.parent)
	}
}
