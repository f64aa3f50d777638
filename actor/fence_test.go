package actor

import (
	"strings"
	"testing"

	"rumor/messages"
)

func fenceFrom(id string, seq uint64) Event {
	return Received{Msg: messages.Message{Src: id, Dest: id, Body: messages.Fence{Seq: seq}}}
}

// TestFenceHoldsRepliesBack: after a pause the node sends itself a fence;
// until it comes back, broadcasts are accepted and routed but not answered,
// reads are not answered, topology still is (a leaf then expects its hub's
// greeting: tree.offered); the fence's return is noted
// with the count, and requests after it are answered again.
func TestFenceHoldsRepliesBack(t *testing.T) {
	n := newInitedNode(t, testConfig(Star), "n2", 3)
	out := step(n, Resumed{})
	wantLines(t, out.Messages, `{"src":"n2","dest":"n2","body":{"type":"fence","seq":1}}`)
	if !n.Fenced() || len(out.Notes) != 1 {
		t.Fatalf("fenced %v, notes %q", n.Fenced(), out.Notes)
	}
	wantLines(t, step(n, broadcast("n2", 2, 7)).Messages, // routed, not answered
		`{"src":"n2","dest":"n0","body":{"type":"gossip","seq":1,"values":[7],"ack":0,"now":true,"path":["n0"]}}`)
	wantLines(t, step(n, read("n2", 3)).Messages)
	wantLines(t, step(n, request("n2", 4, messages.Topology{Request: messages.Request{MsgID: 4, HasMsgID: true}})).Messages,
		`{"src":"n2","dest":"c9","body":{"type":"topology_ok","in_reply_to":4}}`)
	_, err := messages.Decode([]byte(`{"src":"c4","dest":"n2","body":{"type":"cas","msg_id":8}}`))
	wantLines(t, step(n, Rejected{Err: err.(*messages.DecodeError)}).Messages)

	if out := step(n, fenceFrom("n2", 0)); len(out.Notes) != 0 || !n.Fenced() {
		t.Fatalf("an earlier fence lifted this one")
	}
	out = step(n, fenceFrom("n2", 1))
	if n.Fenced() || len(out.Notes) != 1 || !strings.Contains(out.Notes[0], "left 3 client requests unanswered") {
		t.Fatalf("fenced %v, notes %q", n.Fenced(), out.Notes)
	}
	wantLines(t, step(n, read("n2", 5)).Messages, `{"src":"n2","dest":"c9","body":{"type":"read_ok","messages":[7],"in_reply_to":5}}`)
}

// TestFenceIsResent: a fence that does not come back is sent again every
// retransmission timeout, and a second pause puts up a new one.
func TestFenceIsResent(t *testing.T) {
	cfg := testConfig(Mesh)
	n := newInitedNode(t, cfg, "n0", 2)
	step(n, Resumed{})
	got := ticks(n, int(2*cfg.RetransmitTicks))
	wantLines(t, got,
		`{"src":"n0","dest":"n0","body":{"type":"fence","seq":1}}`,
		`{"src":"n0","dest":"n0","body":{"type":"fence","seq":1}}`)
	wantLines(t, step(n, Resumed{}).Messages, `{"src":"n0","dest":"n0","body":{"type":"fence","seq":2}}`)
	step(n, fenceFrom("n0", 1))
	if !n.Fenced() {
		t.Error("the first pause's fence lifted the second's")
	}
	if out := step(n, fenceFrom("n1", 2)); !n.Fenced() || len(out.Problems) != 1 {
		t.Error("another node's fence was taken")
	}
}

// TestNoPauseFence: with the guard off, a resumed node answers at once.
func TestNoPauseFence(t *testing.T) {
	cfg := testConfig(Mesh)
	cfg.NoPauseFence = true
	n := newInitedNode(t, cfg, "n0", 2)
	out := step(n, Resumed{})
	if len(out.Messages) != 0 || n.Fenced() {
		t.Fatalf("sent %v, fenced %v", lines(out.Messages), n.Fenced())
	}
	wantLines(t, step(n, read("n0", 2)).Messages, `{"src":"n0","dest":"c9","body":{"type":"read_ok","messages":[],"in_reply_to":2}}`)
}
