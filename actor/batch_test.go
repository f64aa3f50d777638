package actor

import (
	"strings"
	"testing"

	"rumor/messages"
)

// TestLargeBacklogGoesInBoundedBatches queues more values than one batch
// may hold, and values too big to share a batch, and checks that the send
// is split with consecutive sequence numbers, each batch within the bounds,
// and that one cumulative ack of the last drains the queue.
func TestLargeBacklogGoesInBoundedBatches(t *testing.T) {
	big := func(c string) messages.Value {
		v, err := messages.ParseValue([]byte(`"` + strings.Repeat(c, 600<<10) + `"`))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		name    string
		values  []messages.Value
		batches int
	}{
		{"many small", intValues(maxBatchValues + 100), 2},
		{"a few large", []messages.Value{big("a"), big("b"), big("c")}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := newInitedNode(t, testConfig(Mesh), "n0", 2)
			l := n.links["n1"]
			n.queue(l, tt.values...)
			var out Output
			if act, at := n.plan(l); at <= n.now {
				n.do(l, act, &out)
			}
			if len(out.Messages) != tt.batches {
				t.Fatalf("%d values went in %d messages, want %d", len(tt.values), len(out.Messages), tt.batches)
			}
			next := uint64(1)
			for _, m := range out.Messages {
				g := m.Body.(messages.Gossip)
				if g.Seq != next {
					t.Errorf("batch starts at seq %d, want %d", g.Seq, next)
				}
				next += uint64(len(g.Values))
				if size := len(messages.Encode(m)); len(g.Values) > maxBatchValues || len(g.Values) > 1 && size > maxBatchBytes+200 {
					t.Errorf("batch of %d values, %d bytes, over the bounds", len(g.Values), size)
				}
			}
			if int(next-1) != len(tt.values) {
				t.Errorf("batches carry %d values, want %d", next-1, len(tt.values))
			}
			step(n, Received{Msg: messages.Message{Src: "n1", Dest: "n0", Body: messages.Ack{Ack: next - 1}}})
			if owed := n.Unacked(); len(owed) != 0 {
				t.Errorf("still owes %v after the ack of everything", owed)
			}
		})
	}
}

func intValues(k int) []messages.Value {
	vs := make([]messages.Value, k)
	for i := range vs {
		vs[i] = messages.IntValue(int64(i))
	}
	return vs
}

// TestRestartedPeerGetsEverythingAgain: a node on a fresh start sends
// nothing at init (a peer may not be registered with Maelstrom's network
// yet) and names its incarnation on everything it sends; once a peer shows
// a larger incarnation, the stream to it starts over at seq 1 with every
// value held, and a message meant for an earlier run of this node is
// answered at once with an ack that names this run.
func TestRestartedPeerGetsEverythingAgain(t *testing.T) {
	cfg := testConfig(Mesh)
	cfg.Incarnation = 10
	n, err := NewNode(cfg)
	if err != nil {
		t.Fatal(err)
	}
	wantLines(t, step(n, Received{Msg: initMsg("n0", 2)}).Messages, // init_ok alone
		`{"src":"n0","dest":"c0","body":{"type":"init_ok","in_reply_to":1}}`)
	for v := range 3 {
		out := step(n, broadcast("n0", int64(v+2), int64(v)))
		if v == 0 {
			wantLines(t, out.Messages,
				`{"src":"n0","dest":"c9","body":{"type":"broadcast_ok","in_reply_to":2}}`,
				`{"src":"n0","dest":"n1","body":{"type":"gossip","seq":1,"values":[0],"ack":0,"inc":10}}`)
		}
	}
	ticks(n, int(cfg.BatchTicks)) // all three sent
	from := func(inc, toInc uint64, body messages.Body) Event {
		switch b := body.(type) {
		case messages.Ack:
			b.Incarnations = messages.Incarnations{Inc: inc, ToInc: toInc}
			body = b
		case messages.Gossip:
			b.Incarnations = messages.Incarnations{Inc: inc, ToInc: toInc}
			body = b
		}
		return Received{Msg: messages.Message{Src: "n1", Dest: "n0", Body: body}}
	}
	step(n, from(5, 10, messages.Ack{Ack: 3}))
	if owed := n.Unacked(); len(owed) != 0 {
		t.Fatalf("owes %v after n1 acked everything", owed)
	}

	// n1 restarts (incarnation 6) and says so with its first message.
	out := step(n, from(6, 0, messages.Gossip{Seq: 1, Values: []messages.Value{messages.IntValue(7)}}))
	wantLines(t, out.Messages,
		`{"src":"n0","dest":"n1","body":{"type":"gossip","seq":1,"values":[0,1,2],"ack":1,"inc":10,"to_inc":6}}`)

	// A late message from n1's earlier run changes nothing.
	if out := step(n, from(5, 10, messages.Ack{Ack: 3})); len(n.Unacked()) != 1 || len(out.Messages) != 0 {
		t.Errorf("a stale ack counted: owes %v, sent %v", n.Unacked(), lines(out.Messages))
	}

	// A message for an earlier run of n0 is answered at once.
	out = step(n, from(6, 9, messages.Gossip{Seq: 40, Values: []messages.Value{messages.IntValue(8)}}))
	wantLines(t, out.Messages, `{"src":"n0","dest":"n1","body":{"type":"ack","ack":1,"inc":10,"to_inc":6}}`)
	if got := len(n.Values()); got != 5 {
		t.Errorf("holds %d values, want 5: a stale message's values still count", got)
	}
}
