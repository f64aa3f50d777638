package actor

import (
	"testing"

	"rumor/messages"
)

// TestGreetingPromisesUntilTheFirstBatch follows a hub from topology: its
// greeting promises the next message within a fifth of a batch interval
// (a tick with the test's batch of 3), each keep promises the next within
// a batch interval until the first batch, and the keep after that batch
// promises nothing: an idle hub is quiet again.
func TestGreetingPromisesUntilTheFirstBatch(t *testing.T) {
	hub := newInitedNode(t, testConfig(Star), "n0", 2)
	topology := request("n0", 2, messages.Topology{Request: messages.Request{MsgID: 2, HasMsgID: true}})
	wantLines(t, step(hub, topology).Messages,
		`{"src":"n0","dest":"c9","body":{"type":"topology_ok","in_reply_to":2}}`,
		`{"src":"n0","dest":"n1","body":{"type":"ack","ack":0,"more":1,"hub_ts":1}}`)
	wantLines(t, ticks(hub, 1), `{"src":"n0","dest":"n1","body":{"type":"ack","ack":0,"more":3,"hub_ts":2}}`)
	wantLines(t, ticks(hub, 3), `{"src":"n0","dest":"n1","body":{"type":"ack","ack":0,"more":3,"hub_ts":5}}`)
	wantLines(t, step(hub, broadcast("n0", 3, 7)).Messages,
		`{"src":"n0","dest":"c9","body":{"type":"broadcast_ok","in_reply_to":3}}`,
		`{"src":"n0","dest":"n1","body":{"type":"gossip","seq":1,"values":[7],"ack":0,"more":3,"hub_ts":5}}`)
	wantLines(t, ticks(hub, 3), `{"src":"n0","dest":"n1","body":{"type":"ack","ack":0,"hub_ts":8}}`)
}

// TestLeafNoticesAMissedKeep has a leaf hear its hub's greeting and then
// nothing: by the hub's clock the keep was due within a tick, so a few
// ticks later the leaf takes its hub for silent, says hello to it and
// asks its peers for a newer way.
func TestLeafNoticesAMissedKeep(t *testing.T) {
	leaf := newInitedNode(t, testConfig(Star), "n2", 3)
	step(leaf, request("n2", 2, messages.Topology{Request: messages.Request{MsgID: 2, HasMsgID: true}}))
	step(leaf, Received{Msg: messages.Message{Src: "n0", Dest: "n2", Body: messages.Ack{More: 1, HubTS: 1, Incarnations: messages.Incarnations{Inc: 1}}}})
	var sent []messages.Message
	for i := 0; i < 10 && len(sent) == 0; i++ {
		sent = ticks(leaf, 1)
		if len(sent) > 0 && leaf.now > 5 {
			t.Fatalf("noticed at tick %d, want by tick 5 (a tick promised, a lag of 0, an allowance of 3)", leaf.now)
		}
	}
	wantLines(t, sent,
		`{"src":"n2","dest":"n0","body":{"type":"ack","ack":0,"now":true,"path":["n0"],"hub_ts":1,"to_inc":1}}`,
		`{"src":"n2","dest":"n1","body":{"type":"ack","ack":0,"ask":true,"path":["n0"],"hub_ts":1}}`)
}

// TestAnswersAdoptAndExtraAnswersAreDeclined has a leaf cut off from its
// hub ask its peers; each that answers has adopted it and hands it what
// it holds. The leaf seeks through the first three, and tells the fourth
// at once that its way is its own, so that it stops passing it batches.
func TestAnswersAdoptAndExtraAnswersAreDeclined(t *testing.T) {
	leaf := newInitedNode(t, testConfig(Star), "n5", 6)
	step(leaf, request("n5", 2, messages.Topology{Request: messages.Request{MsgID: 2, HasMsgID: true}}))
	step(leaf, Received{Msg: messages.Message{Src: "n0", Dest: "n5", Body: messages.Ack{More: 1, HubTS: 1, Incarnations: messages.Incarnations{Inc: 1}}}})
	ticks(leaf, 5) // the keep does not come: the leaf asks n1 … n4
	answer := func(from string) []string {
		return lines(step(leaf, Received{Msg: messages.Message{Src: from, Dest: "n5", Body: messages.Gossip{
			Seq: 1, Values: []messages.Value{messages.IntValue(9)}, Path: []string{"n0"}, HubTS: 5,
			Incarnations: messages.Incarnations{Inc: 1}}}}).Messages)
	}
	// n1's answer brings value 9, which goes up at once (the parent's link
	// resends when it has something: it turned suspect for its silence),
	// and the seek through n1 says so with the path; n2 and n3 are handed
	// what the parent has not acknowledged, value 9.
	if got := answer("n1"); len(got) != 2 || got[1] != `{"src":"n5","dest":"n1","body":{"type":"ack","ack":1,"path":["n0","n1"],"hub_ts":1,"to_inc":1}}` {
		t.Fatalf("answer from n1: the leaf sent %v, want it to seek through n1", got)
	}
	for _, p := range []string{"n2", "n3"} {
		want := `{"src":"n5","dest":"` + p + `","body":{"type":"gossip","seq":1,"values":[9],"ack":1,"now":true,"path":["n0","` + p + `"],"hub_ts":1,"to_inc":1}}`
		if got := answer(p); len(got) != 1 || got[0] != want {
			t.Fatalf("answer from %s: the leaf sent %v, want %s", p, got, want)
		}
	}
	if got, want := answer("n4"), `{"src":"n5","dest":"n4","body":{"type":"ack","ack":1,"path":["n0"],"hub_ts":1,"to_inc":1}}`; len(got) != 1 || got[0] != want {
		t.Fatalf("a fourth answer: the leaf sent %v, want %s (a decline, at once)", got, want)
	}
}
