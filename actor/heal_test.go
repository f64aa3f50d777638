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

// TestLateValuesGoOnAtOnce: a leaf handed a value from off its tree (here
// by n1, a stand-in hub across a cut that has just healed, which is
// neither its parent nor its child) passes it up at once and says it is
// late (Gossip.Late); a hub handed late values passes them on at once,
// though its last batch has only just gone, where other values wait out
// the batch interval.
func TestLateValuesGoOnAtOnce(t *testing.T) {
	cfg := testConfig(Star)
	gossip := func(src, dest string, v int64, late bool) Event {
		return Received{Msg: messages.Message{Src: src, Dest: dest, Body: messages.Gossip{Seq: 1, Values: []messages.Value{messages.IntValue(v)}, Now: true, Late: late, Path: []string{"n0"}}}}
	}
	leaf := newInitedNode(t, cfg, "n2", 4)
	offTree := Received{Msg: messages.Message{Src: "n1", Dest: "n2", Body: messages.Gossip{Seq: 1, Values: []messages.Value{messages.IntValue(20)}, Now: true}}}
	wantLines(t, step(leaf, offTree).Messages,
		`{"src":"n2","dest":"n0","body":{"type":"gossip","seq":1,"values":[20],"ack":0,"now":true,"late":true,"path":["n0"]}}`)

	// The hub's first value goes at once on idle links; the second, from
	// n1, goes at once only to n3, whose link is idle still: n2 has just
	// had a batch. The late value from n2 goes to n1 and n3 at once, though
	// each has just had one; n2 still waits for value 31.
	hub := newInitedNode(t, cfg, "n0", 4)
	wantLines(t, step(hub, gossip("n3", "n0", 30, false)).Messages,
		`{"src":"n0","dest":"n1","body":{"type":"gossip","seq":1,"values":[30],"ack":0,"more":3,"hub_ts":1}}`,
		`{"src":"n0","dest":"n2","body":{"type":"gossip","seq":1,"values":[30],"ack":0,"more":3,"hub_ts":1}}`)
	wantLines(t, step(hub, gossip("n1", "n0", 31, false)).Messages,
		`{"src":"n0","dest":"n3","body":{"type":"gossip","seq":1,"values":[31],"ack":1,"more":3,"hub_ts":1}}`)
	wantLines(t, step(hub, gossip("n2", "n0", 20, true)).Messages,
		`{"src":"n0","dest":"n1","body":{"type":"gossip","seq":1,"values":[30,20],"ack":0,"more":3,"hub_ts":1}}`,
		`{"src":"n0","dest":"n3","body":{"type":"gossip","seq":1,"values":[31,20],"ack":1,"more":3,"hub_ts":1}}`)

	// Late values go at once at most once per batch interval: the next,
	// a tick later, waits for the batch like any other.
	step(hub, Tick{})
	again := Received{Msg: messages.Message{Src: "n3", Dest: "n0", Body: messages.Gossip{Seq: 2, Values: []messages.Value{messages.IntValue(21)}, Now: true, Late: true, Path: []string{"n0"}}}}
	if got := step(hub, again).Messages; len(got) != 0 {
		t.Errorf("a second late value within the batch interval went at once: %v", lines(got))
	}
}

// TestKickedAgainATimeoutAfterTheLastKick: after the first sign of a heal
// retries a cut link at once, further messages from the peer retry it
// early only once a timeout has passed since that retry, whatever the
// link's own schedule sent in between: a peer cut off one way costs at
// most one early retry per timeout, and a heal that comes long after the
// first sign is not left waiting for the next scheduled retry.
func TestKickedAgainATimeoutAfterTheLastKick(t *testing.T) {
	cfg := testConfig(Star)
	leaf := newInitedNode(t, cfg, "n2", 3)
	step(leaf, broadcast("n2", 2, 1))
	hub := leaf.links["n0"]
	for hub.out.state != stateStalled {
		step(leaf, Tick{})
	}
	step(leaf, Tick{}) // the stall's own resend is out
	fromHub := Received{Msg: messages.Message{Src: "n0", Dest: "n2", Body: messages.Gossip{Seq: 1, Values: []messages.Value{messages.IntValue(8)}}}}
	retried := func() bool {
		for _, m := range step(leaf, fromHub).Messages {
			if m.Dest == "n0" {
				return true
			}
		}
		return false
	}
	if !retried() {
		t.Fatalf("the first sign of a heal did not retry the cut link at once")
	}
	kickedAt := leaf.now
	step(leaf, Tick{})
	if retried() {
		t.Errorf("a second sign within a timeout of the first retried the link early again")
	}
	for leaf.now-kickedAt < leaf.rto(hub, true) || hub.out.lastSend <= kickedAt {
		step(leaf, Tick{})
		if !cut(hub) {
			t.Fatalf("the link is no longer cut (state %v)", hub.out.state)
		}
	}
	if hub.out.lastSend == leaf.now {
		step(leaf, Tick{}) // not on the tick of a scheduled resend, which the step would already carry
	}
	if !retried() {
		t.Errorf("a sign a timeout after the last early retry (sent %d ticks ago, on schedule) did not retry the link at once",
			leaf.now-hub.out.lastSend)
	}
}
