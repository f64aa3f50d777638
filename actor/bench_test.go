package actor

import (
	"testing"

	"rumor/messages"
)

// BenchmarkHubRelay measures the busiest step in a 25-node star: the hub
// taking one relayed value and, every few steps, batching to 24 peers.
func BenchmarkHubRelay(b *testing.B) {
	cfg := DefaultConfig()
	hub, _ := NewNode(cfg)
	hub.Step(Received{Msg: initMsg("n0", 25)})
	var seq uint64
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		seq++
		hub.Step(Received{Msg: messages.Message{Src: "n7", Dest: "n0", Body: messages.Gossip{
			Seq: seq, Values: []messages.Value{messages.IntValue(int64(i))}, Relay: true}}})
		hub.Step(Tick{})
		if i%64 == 0 { // peers acknowledge now and then, as they would
			for _, p := range hub.peers {
				l := hub.links[p]
				hub.Step(Received{Msg: messages.Message{Src: p, Dest: "n0", Body: messages.Ack{Ack: l.acked + uint64(l.sent)}}})
			}
		}
	}
}
