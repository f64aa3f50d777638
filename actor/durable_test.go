package actor

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"rumor/messages"
)

// TestValuesEnterOnlyOnceWritten follows a broadcast through its two steps:
// the first asks for the write and sends nothing; only the report of the
// write makes the node hold, route and acknowledge the value.
func TestValuesEnterOnlyOnceWritten(t *testing.T) {
	n := newInitedNode(t, testConfig(Star), "n2", 3)
	out := n.Step(broadcast("n2", 2, 7))
	if len(out.Messages) != 0 || len(out.Persist) != 1 || out.Persist[0] != messages.IntValue(7) {
		t.Fatalf("first step: messages %v, persist %v; want only the write of 7", lines(out.Messages), out.Persist)
	}
	if len(n.Values()) != 0 {
		t.Fatalf("holds %v before the write is reported", n.Values())
	}
	wantLines(t, n.Step(Persisted{}).Messages,
		`{"src":"n2","dest":"c9","body":{"type":"broadcast_ok","in_reply_to":2}}`,
		`{"src":"n2","dest":"n0","body":{"type":"gossip","seq":1,"values":[7],"ack":0,"now":true,"path":["n0"]}}`)
	// A value held already needs no write.
	out = n.Step(broadcast("n2", 3, 7))
	if len(out.Persist) != 0 {
		t.Errorf("asked to write a value it holds: %v", out.Persist)
	}
	wantLines(t, out.Messages, `{"src":"n2","dest":"c9","body":{"type":"broadcast_ok","in_reply_to":3}}`)
}

// TestFailedWriteRefusesTheBroadcast: when the log cannot be written, the
// broadcast is refused with error 11 and nothing is kept; reads still work.
func TestFailedWriteRefusesTheBroadcast(t *testing.T) {
	n := newInitedNode(t, testConfig(Mesh), "n0", 2)
	n.Step(broadcast("n0", 2, 7))
	out := n.Step(Persisted{Err: errors.New("no space left on device")})
	wantLines(t, out.Messages, `{"src":"n0","dest":"c9","body":{"type":"error","in_reply_to":2,"code":11,"text":"cannot store the value: no space left on device"}}`)
	if len(out.Notes) != 1 || len(out.Problems) != 0 {
		t.Errorf("notes %q, problems %q; want one note", out.Notes, out.Problems)
	}
	wantLines(t, n.Step(read("n0", 3)).Messages, `{"src":"n0","dest":"c9","body":{"type":"read_ok","messages":[],"in_reply_to":3}}`)
	if owed := n.Unacked(); len(owed) != 0 {
		t.Errorf("a refused value was queued: %v", owed)
	}
}

// TestGossipIsWrittenBeforeItIsAcked: a gossip's new values (each once,
// none already held) are written before anything else; if the write fails
// the gossip is dropped unacknowledged, and its resend is taken once the
// log works again.
func TestGossipIsWrittenBeforeItIsAcked(t *testing.T) {
	n := newInitedNode(t, testConfig(Mesh), "n1", 2)
	step(n, broadcast("n1", 2, 5))
	gossip := Received{Msg: messages.Message{Src: "n0", Dest: "n1", Body: messages.Gossip{Seq: 1,
		Values: []messages.Value{messages.IntValue(5), messages.IntValue(6), messages.IntValue(6), messages.IntValue(8)}}}}
	out := n.Step(gossip)
	if got := messages.AppendValues(nil, out.Persist); string(got) != "[6,8]" || len(out.Messages) != 0 {
		t.Fatalf("first step asks to write %s and sends %v; want [6,8] and nothing", got, lines(out.Messages))
	}
	out = n.Step(Persisted{Err: errors.New("read-only file system")})
	if len(out.Notes) != 1 || !strings.Contains(out.Notes[0], "the sender keeps them") {
		t.Errorf("notes %q", out.Notes)
	}
	if got := len(n.Values()); got != 1 {
		t.Fatalf("holds %d values after the failed write, want 1", got)
	}
	for _, m := range ticks(n, 50) {
		if g, ok := m.Body.(messages.Gossip); !ok || g.Ack != 0 {
			t.Fatalf("after a dropped gossip sent %s; want only its own resends, acking nothing", lines([]messages.Message{m}))
		}
	}
	// The resend, with the log working again, is acked, riding on n1's own
	// resend (which asks n0 for a prompt answer: a resend does).
	wantLines(t, step(n, gossip).Messages, `{"src":"n1","dest":"n0","body":{"type":"gossip","seq":1,"values":[5],"ack":4,"now":true}}`)
	if got := len(n.Values()); got != 3 {
		t.Errorf("holds %d values, want 3", got)
	}
}

// TestAnotherEventBeforeTheWriteIsReported: a shell that steps something
// else while a write is outstanding breaks the contract; the node counts
// the write as failed (nothing depends on it) and carries on.
func TestAnotherEventBeforeTheWriteIsReported(t *testing.T) {
	n := newInitedNode(t, testConfig(Mesh), "n0", 2)
	n.Step(broadcast("n0", 2, 7))
	out := n.Step(read("n0", 3))
	wantLines(t, out.Messages,
		`{"src":"n0","dest":"c9","body":{"type":"error","in_reply_to":2,"code":11,"text":"cannot store the value: the write was never reported"}}`,
		`{"src":"n0","dest":"c9","body":{"type":"read_ok","messages":[],"in_reply_to":3}}`)
	if len(out.Problems) != 1 {
		t.Errorf("problems %q, want one", out.Problems)
	}
	if out := n.Step(Persisted{}); len(out.Problems) != 1 || len(out.Messages) != 0 {
		t.Errorf("a report with no write outstanding: %+v", out)
	}
}

// TestWrongReportForTheLog: a Persisted where init waits for Recovered is
// the shell breaking the contract: init goes on without a log (and says
// so), and the report itself is not applied.
func TestWrongReportForTheLog(t *testing.T) {
	n, _ := NewNode(testConfig(Mesh))
	n.Step(Received{Msg: initMsg("n0", 2)})
	out := n.Step(Persisted{})
	wantLines(t, out.Messages, `{"src":"n0","dest":"c0","body":{"type":"init_ok","in_reply_to":1}}`)
	if len(out.Problems) != 1 || len(out.Notes) != 1 || !strings.Contains(out.Notes[0], "never reported") {
		t.Errorf("problems %q, notes %q", out.Problems, out.Notes)
	}
}

// TestUnheldListsEachNewValueOnce: the values to write are those not held,
// each once, in the order they came, whether the batch is small enough to
// scan or large enough for a map.
func TestUnheldListsEachNewValueOnce(t *testing.T) {
	n := newInitedNode(t, testConfig(Star), "n2", 3)
	n.Step(broadcast("n2", 2, 7))
	n.Step(Persisted{})
	for _, size := range []int{3, 16, 17, 100} {
		var vs, want []messages.Value
		for i := range size {
			v := messages.IntValue(int64(i))
			vs = append(vs, v, v, messages.IntValue(7)) // every value twice, and one held
			if i != 7 {
				want = append(want, v)
			}
		}
		if got := n.unheld(vs); !slices.Equal(got, want) {
			t.Errorf("%d values: unheld = %v, want %v", size, got, want)
		}
	}
}
