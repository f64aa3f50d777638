package actor

import (
	"testing"

	"rumor/messages"
)

// TestHubAcksOnlyWhatItPassedOn: a hub that gets a relayed value from a
// leaf silent for long (whose values it would otherwise ack at once, see
// heard) while its links wait out their batch interval holds the ack back
// until the flush that fans the value out, and sends it in that flush.
func TestHubAcksOnlyWhatItPassedOn(t *testing.T) {
	cfg := testConfig(Star) // batch every 3 ticks; silent means 20 ticks unheard
	hub := newInitedNode(t, cfg, "n0", 3)
	from := func(id string, body messages.Body) Event {
		return Received{Msg: messages.Message{Src: id, Dest: "n0", Body: body}}
	}
	step(hub, broadcast("n0", 2, 100))
	step(hub, from("n1", messages.Ack{Ack: 1}))
	step(hub, from("n2", messages.Ack{Ack: 1}))
	ticks(hub, 30)
	wantLines(t, step(hub, broadcast("n0", 3, 101)).Messages,
		`{"src":"n0","dest":"c9","body":{"type":"broadcast_ok","in_reply_to":3}}`,
		`{"src":"n0","dest":"n1","body":{"type":"gossip","seq":2,"values":[101],"ack":0,"more":3,"hub_ts":31}}`,
		`{"src":"n0","dest":"n2","body":{"type":"gossip","seq":2,"values":[101],"ack":0,"more":3,"hub_ts":31}}`)
	ticks(hub, 1)
	// n1 asks for a prompt answer, but 7 waits for n2's batch, and so does
	// the ack; it goes in that flush, alone, since n1 has no values to
	// ride on and was promised a message within the batch interval
	// (Gossip.More) by the gossip at tick 31.
	wantLines(t, step(hub, from("n1", messages.Gossip{Seq: 1, Values: []messages.Value{messages.IntValue(7)}, Now: true, Path: []string{"n0"}})).Messages)
	wantLines(t, ticks(hub, 1))
	wantLines(t, step(hub, Tick{}).Messages,
		`{"src":"n0","dest":"n1","body":{"type":"ack","ack":1,"hub_ts":34}}`,
		`{"src":"n0","dest":"n2","body":{"type":"gossip","seq":2,"values":[101,7],"ack":0,"more":3,"hub_ts":34}}`)
}

// TestLinksBatchInStep: a link pulled out of step with the others (the
// first relay after a quiet spell goes at once to every link but the
// relaying one) sends its batch with the next batch that falls due, so
// a hub's links keep one rhythm.
func TestLinksBatchInStep(t *testing.T) {
	cfg := testConfig(Star)
	hub := newInitedNode(t, cfg, "n0", 3)
	relay := func(from string, seq uint64, v int64) Output {
		return step(hub, Received{Msg: messages.Message{Src: from, Dest: "n0", Body: messages.Gossip{
			Seq: seq, Values: []messages.Value{messages.IntValue(v)}, Now: true, Path: []string{"n0"}}}})
	}
	wantLines(t, relay("n2", 1, 50).Messages, `{"src":"n0","dest":"n1","body":{"type":"gossip","seq":1,"values":[50],"ack":0,"more":3,"hub_ts":1}}`)
	ticks(hub, 2)
	wantLines(t, relay("n1", 1, 60).Messages, `{"src":"n0","dest":"n2","body":{"type":"gossip","seq":1,"values":[60],"ack":1,"more":3,"hub_ts":3}}`)
	relay("n2", 2, 70) // waits for n1's batch, due at tick 3
	relay("n1", 2, 80) // waits for n2's, due at tick 5…
	// …but goes along with n1's, and so do both acks.
	wantLines(t, step(hub, Tick{}).Messages,
		`{"src":"n0","dest":"n1","body":{"type":"gossip","seq":1,"values":[50,70],"ack":2,"more":3,"hub_ts":4}}`,
		`{"src":"n0","dest":"n2","body":{"type":"gossip","seq":1,"values":[60,80],"ack":2,"more":3,"hub_ts":4}}`)
}
