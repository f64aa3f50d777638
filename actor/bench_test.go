package actor

import (
	"strconv"
	"testing"

	"rumor/messages"
)

// BenchmarkHubRelay measures the busiest step in a 25-node star: the hub
// taking one relayed value and, every few steps, batching to 24 peers.
func BenchmarkHubRelay(b *testing.B) {
	cfg := DefaultConfig()
	hub, _ := NewNode(cfg)
	step(hub, Received{Msg: initMsg("n0", 25)})
	var seq uint64
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		seq++
		step(hub, Received{Msg: messages.Message{Src: "n7", Dest: "n0", Body: messages.Gossip{
			Seq: seq, Values: []messages.Value{messages.IntValue(int64(i))}, Now: true, Path: []string{"n0"}}}})
		step(hub, Tick{})
		if i%64 == 0 { // peers acknowledge now and then, as they would
			for _, p := range hub.peers {
				l := hub.links[p]
				step(hub, Received{Msg: messages.Message{Src: p, Dest: "n0", Body: messages.Ack{Ack: l.acked + uint64(l.sent)}}})
			}
		}
	}
}

// BenchmarkIdleTick measures a tick that finds nothing to do, with 25 and
// 10 000 nodes: the cost an idle node pays per tick, which must not grow with
// the number of peers.
func BenchmarkIdleTick(b *testing.B) {
	for _, size := range []int{25, 10_000} {
		b.Run(strconv.Itoa(size), func(b *testing.B) {
			n, _ := NewNode(DefaultConfig())
			step(n, Received{Msg: initMsg("n1", size)})
			b.ReportAllocs()
			for b.Loop() {
				step(n, Tick{})
			}
		})
	}
}
