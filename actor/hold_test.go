package actor

import (
	"testing"

	"rumor/messages"
)

// TestHubAcksOnlyWhatItPassedOn: a hub that gets a relayed value while the
// link the value goes on waits out its batch interval holds the ack back,
// even from a gossip going to the relaying leaf meanwhile, until the flush
// that fans the value out; the ack then goes in that flush.
func TestHubAcksOnlyWhatItPassedOn(t *testing.T) {
	cfg := testConfig(Star) // batch every 3 ticks, ack within 3 for a leaf that relays
	hub := newInitedNode(t, cfg, "n0", 3)
	relay := func(from string, v int64) Output {
		return step(hub, Received{Msg: messages.Message{Src: from, Dest: "n0", Body: messages.Gossip{
			Seq: 1, Values: []messages.Value{messages.IntValue(v)}, Relay: true}}})
	}
	// Put the two links out of step: n1's batches fall on ticks 0, 3, 6…,
	// n2's on 2, 5, 8….
	wantLines(t, relay("n2", 50).Messages, `{"src":"n0","dest":"n1","body":{"type":"gossip","seq":1,"values":[50],"ack":0}}`)
	ticks(hub, 2)
	wantLines(t, step(hub, broadcast("n0", 2, 100)).Messages,
		`{"src":"n0","dest":"c9","body":{"type":"broadcast_ok","in_reply_to":2}}`,
		`{"src":"n0","dest":"n2","body":{"type":"gossip","seq":1,"values":[100],"ack":1}}`)
	wantLines(t, relay("n1", 7).Messages) // 7 waits for n2's next batch
	// n1's batch is due first; its ack must not cover 7 yet.
	wantLines(t, step(hub, Tick{}).Messages, `{"src":"n0","dest":"n1","body":{"type":"gossip","seq":1,"values":[50,100],"ack":0}}`)
	wantLines(t, step(hub, Tick{}).Messages)
	wantLines(t, step(hub, Tick{}).Messages,
		`{"src":"n0","dest":"n1","body":{"type":"ack","ack":1}}`,
		`{"src":"n0","dest":"n2","body":{"type":"gossip","seq":1,"values":[100,7],"ack":1}}`)
}
