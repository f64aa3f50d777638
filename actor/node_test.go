package actor

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"rumor/messages"
)

// testConfig keeps the numbers small so tests can count ticks by hand.
func testConfig(s Strategy) Config {
	return Config{Strategy: s, BatchTicks: 3, RetransmitTicks: 10, MaxRetransmitTicks: 40, AckTicks: 5}
}

// newInitedNode returns node id of a cluster n0…n(size-1), initialised.
func newInitedNode(t *testing.T, cfg Config, id string, size int) *Node {
	t.Helper()
	n, err := NewNode(cfg)
	if err != nil {
		t.Fatal(err)
	}
	out := step(n, Received{Msg: initMsg(id, size)})
	if len(out.Messages) != 1 || out.Messages[0].Body.Type() != messages.TypeInitOK {
		t.Fatalf("init: %+v", out)
	}
	return n
}

func nodeIDs(size int) []string {
	ids := make([]string, size)
	for i := range ids {
		ids[i] = fmt.Sprintf("n%d", i)
	}
	return ids
}

func initMsg(id string, size int) messages.Message {
	return messages.Message{Src: "c0", Dest: id, Body: messages.Init{
		Request: messages.Request{MsgID: 1, HasMsgID: true}, NodeID: id, NodeIDs: nodeIDs(size)}}
}

func request(dest string, msgID int64, body messages.Body) Event {
	return Received{Msg: messages.Message{Src: "c9", Dest: dest, Body: body}}
}

func broadcast(dest string, msgID int64, v int64) Event {
	return request(dest, msgID, messages.Broadcast{Request: messages.Request{MsgID: msgID, HasMsgID: true}, Message: messages.IntValue(v)})
}

func read(dest string, msgID int64) Event {
	return request(dest, msgID, messages.Read{Request: messages.Request{MsgID: msgID, HasMsgID: true}})
}

// lines renders messages compactly for comparison.
// lines encodes messages as the wire has them, less the round-trip clock
// (held, ts, echo), which rtt_test.go checks: a test of what goes where
// should not break when a tick moves.
func lines(ms []messages.Message) []string {
	var out []string
	for _, m := range ms {
		out = append(out, clockFields.ReplaceAllString(strings.TrimSpace(string(messages.Encode(m))), ""))
	}
	return out
}

var clockFields = regexp.MustCompile(`,"(held|ts|echo)":[0-9]+`)

func wantLines(t *testing.T, got []messages.Message, want ...string) {
	t.Helper()
	if g := lines(got); !slices.Equal(g, want) {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(g, "\n  "), strings.Join(want, "\n  "))
	}
}

func ticks(n *Node, count int) []messages.Message {
	var all []messages.Message
	for range count {
		all = append(all, step(n, Tick{}).Messages...)
	}
	return all
}

func TestRequestsBeforeInitAreRefused(t *testing.T) {
	n, _ := NewNode(testConfig(Star))
	out := step(n, broadcast("n0", 2, 5))
	wantLines(t, out.Messages, `{"src":"n0","dest":"c9","body":{"type":"error","in_reply_to":2,"code":11,"text":"broadcast before init"}}`)
	out = step(n, read("n0", 3))
	wantLines(t, out.Messages, `{"src":"n0","dest":"c9","body":{"type":"error","in_reply_to":3,"code":11,"text":"read before init"}}`)
	out = step(n, request("n0", 4, messages.Topology{Request: messages.Request{MsgID: 4, HasMsgID: true}}))
	wantLines(t, out.Messages, `{"src":"n0","dest":"c9","body":{"type":"error","in_reply_to":4,"code":11,"text":"topology before init"}}`)
	if len(n.Values()) != 0 {
		t.Errorf("a refused broadcast was stored: %v", n.Values())
	}
	if out := step(n, Tick{}); len(out.Messages)+len(out.Problems) != 0 {
		t.Errorf("tick before init produced %+v", out)
	}
}

func TestSingleNodeBroadcastAndRead(t *testing.T) {
	n := newInitedNode(t, testConfig(Star), "n0", 1)
	wantLines(t, step(n, broadcast("n0", 2, 7)).Messages, `{"src":"n0","dest":"c9","body":{"type":"broadcast_ok","in_reply_to":2}}`)
	step(n, broadcast("n0", 3, 7)) // a duplicate is acknowledged and stored once
	wantLines(t, step(n, read("n0", 4)).Messages, `{"src":"n0","dest":"c9","body":{"type":"read_ok","messages":[7],"in_reply_to":4}}`)
	if got := ticks(n, 100); len(got) != 0 {
		t.Errorf("a lone node gossiped: %v", lines(got))
	}
}

func TestInitValidationAndReinit(t *testing.T) {
	n, _ := NewNode(testConfig(Star))
	bad := initMsg("n7", 3)
	out := step(n, Received{Msg: bad})
	wantLines(t, out.Messages, `{"src":"n7","dest":"c0","body":{"type":"error","in_reply_to":1,"code":12,"text":"node_id \"n7\" is not in node_ids"}}`)
	step(n, Received{Msg: initMsg("n1", 3)})
	wantLines(t, step(n, Received{Msg: initMsg("n1", 3)}).Messages, `{"src":"n1","dest":"c0","body":{"type":"init_ok","in_reply_to":1}}`)
	out = step(n, Received{Msg: initMsg("n2", 3)})
	wantLines(t, out.Messages, `{"src":"n2","dest":"c0","body":{"type":"error","in_reply_to":1,"code":14,"text":"already initialised as n1"}}`)
	if n.ID() != "n1" {
		t.Errorf("re-init changed the id to %s", n.ID())
	}
}

func TestTopologyIgnoresUnknownNodes(t *testing.T) {
	n := newInitedNode(t, testConfig(Topology), "n0", 3)
	out := step(n, request("n0", 2, messages.Topology{Request: messages.Request{MsgID: 2, HasMsgID: true},
		Topology: map[string][]string{"n0": {"n1", "n9", "n0"}}}))
	wantLines(t, out.Messages, `{"src":"n0","dest":"c9","body":{"type":"topology_ok","in_reply_to":2}}`)
	if len(out.Problems) != 1 || !strings.Contains(out.Problems[0], "n9") {
		t.Errorf("problems = %q", out.Problems)
	}
	// An idle link sends at once; n2 is not a neighbour and hears nothing.
	wantLines(t, step(n, broadcast("n0", 3, 1)).Messages,
		`{"src":"n0","dest":"c9","body":{"type":"broadcast_ok","in_reply_to":3}}`,
		`{"src":"n0","dest":"n1","body":{"type":"gossip","seq":1,"values":[1],"ack":0}}`)
}

// TestStarLeafRelaysAtOnceAndHubBatches follows one value through a star:
// the leaf hands it to the hub in the same step, the hub fans it out to every
// node but the one it came from, batching under load.
func TestStarLeafRelaysAtOnceAndHubBatches(t *testing.T) {
	cfg := testConfig(Star)
	leaf := newInitedNode(t, cfg, "n2", 4)
	wantLines(t, step(leaf, broadcast("n2", 2, 10)).Messages,
		`{"src":"n2","dest":"c9","body":{"type":"broadcast_ok","in_reply_to":2}}`,
		`{"src":"n2","dest":"n0","body":{"type":"gossip","seq":1,"values":[10],"ack":0,"now":true,"path":["n0"]}}`)

	hub := newInitedNode(t, cfg, "n0", 4)
	relayed := Received{Msg: messages.Message{Src: "n2", Dest: "n0", Body: messages.Gossip{Seq: 1, Values: []messages.Value{messages.IntValue(10)}, Now: true, Path: []string{"n0"}}}}
	wantLines(t, step(hub, relayed).Messages,
		`{"src":"n0","dest":"n1","body":{"type":"gossip","seq":1,"values":[10],"ack":0,"more":3,"hub_ts":1}}`,
		`{"src":"n0","dest":"n3","body":{"type":"gossip","seq":1,"values":[10],"ack":0,"more":3,"hub_ts":1}}`)

	// Under load the hub waits out the batch interval, then sends everything
	// unacknowledged in one message per peer, acknowledging n2 on the way.
	step(hub, broadcast("n0", 3, 11))
	step(hub, broadcast("n0", 4, 12))
	if got := ticks(hub, 2); len(got) != 0 {
		t.Errorf("hub sent before the batch interval: %v", lines(got))
	}
	wantLines(t, step(hub, Tick{}).Messages,
		`{"src":"n0","dest":"n1","body":{"type":"gossip","seq":1,"values":[10,11,12],"ack":0,"more":3,"hub_ts":4}}`,
		`{"src":"n0","dest":"n2","body":{"type":"gossip","seq":1,"values":[11,12],"ack":1,"more":3,"hub_ts":4}}`,
		`{"src":"n0","dest":"n3","body":{"type":"gossip","seq":1,"values":[10,11,12],"ack":0,"more":3,"hub_ts":4}}`)
}

func TestDeliveredValuesAreNotForwarded(t *testing.T) {
	leaf := newInitedNode(t, testConfig(Star), "n2", 4)
	delivered := Received{Msg: messages.Message{Src: "n0", Dest: "n2", Body: messages.Gossip{Seq: 1, Values: []messages.Value{messages.IntValue(3)}}}}
	if out := step(leaf, delivered); len(out.Messages) != 0 {
		t.Errorf("leaf forwarded a delivered value: %v", lines(out.Messages))
	}
	wantLines(t, step(leaf, read("n2", 5)).Messages, `{"src":"n2","dest":"c9","body":{"type":"read_ok","messages":[3],"in_reply_to":5}}`)
	// It owes n0 an ack and sends it alone after AckTicks, since it has no
	// gossip for n0 to carry it.
	got := ticks(leaf, 5)
	wantLines(t, got, `{"src":"n2","dest":"n0","body":{"type":"ack","ack":1,"path":["n0"]}}`)
	if got := ticks(leaf, 50); len(got) != 0 {
		t.Errorf("idle leaf kept talking: %v", lines(got))
	}
}

// resends returns the ticks, after a first send at tick 0 that is never
// answered and before until, at which a link with the given phase and no
// round trip measured resends (progress.go): the suspect timeout (R + A,
// the first send asked for no prompt answer), the stall two of a resend's
// timeouts later (R + B each), then the backed-off retries, the first also
// waiting the link's phase, each gap doubling up to the cap M.
func resends(cfg Config, phase, until int64) []int64 {
	asked := cfg.RetransmitTicks + cfg.BatchTicks
	suspect := cfg.RetransmitTicks + cfg.AckTicks
	stall := suspect + suspectRTOs*asked
	at := []int64{suspect}
	for k := int64(1); k < suspectRTOs; k++ {
		at = append(at, suspect+k*asked) // the suspect's resends, one a timeout
	}
	at = append(at, stall)
	gap := min(2*asked, cfg.MaxRetransmitTicks)
	for next := stall + gap + phase; next < until; next += gap {
		at = append(at, next)
		gap = min(2*gap, cfg.MaxRetransmitTicks)
	}
	return slices.DeleteFunc(at, func(t int64) bool { return t >= until })
}

func TestRetransmitWithBackoffUntilAcked(t *testing.T) {
	cfg := testConfig(Mesh)
	n := newInitedNode(t, cfg, "n0", 2)
	step(n, broadcast("n0", 2, 1))
	p := n.links["n1"].phase
	var sentAt []int64
	for tick := int64(1); tick <= 120+p; tick++ {
		if out := step(n, Tick{}); len(out.Messages) > 0 {
			sentAt = append(sentAt, tick)
		}
	}
	// First send at tick 0 (idle link); then the suspect's and the stall's
	// resends, and the retries, backing off to the cap.
	if want := resends(cfg, p, 121+p); !slices.Equal(sentAt, want) {
		t.Errorf("resent at ticks %v, want %v", sentAt, want)
	}
	step(n, Received{Msg: messages.Message{Src: "n1", Dest: "n0", Body: messages.Ack{Ack: 1}}})
	if got := n.Unacked(); len(got) != 0 {
		t.Errorf("unacked after ack: %v", got)
	}
	if got := ticks(n, 200); len(got) != 0 {
		t.Errorf("sent after everything was acked: %v", lines(got))
	}
}

func TestStalledPeerGetsNewValuesOnlyWithResends(t *testing.T) {
	cfg := testConfig(Mesh)
	n := newInitedNode(t, cfg, "n0", 2)
	toPeer := func(out Output) bool {
		for _, m := range out.Messages {
			if m.Dest == "n1" {
				return true
			}
		}
		return false
	}
	// A value every tick to a peer that never answers. While the link is
	// live, each goes at once (a node's own values wait nowhere); once it
	// is suspect (a timeout without progress), only the suspect's resend,
	// the stall's (two timeouts later) and the backed-off retries.
	var sentAt []int64
	for range 160 {
		now := n.now
		byBroadcast := toPeer(step(n, broadcast("n0", now+1, now)))
		if byTick := toPeer(step(n, Tick{})); byBroadcast || byTick {
			sentAt = append(sentAt, now)
		}
	}
	p := n.links["n1"].phase
	schedule := resends(cfg, p, 161)
	suspect := schedule[0]
	var want []int64
	for at := range suspect {
		want = append(want, at)
	}
	for _, at := range schedule[1:] {
		want = append(want, at-1) // the tick of the step before, which the loop counts it in
	}
	if !slices.Equal(sentAt, want) {
		t.Errorf("sent at ticks %v, want %v", sentAt, want)
	}
	// Progress makes the link live again: the next new value goes at once,
	// not with the backed-off timeout.
	step(n, Received{Msg: messages.Message{Src: "n1", Dest: "n0", Body: messages.Ack{Ack: n.links["n1"].acked + uint64(n.links["n1"].sent)}}})
	if !toPeer(step(n, broadcast("n0", 1000, 1000))) {
		t.Errorf("after progress a new value did not go at once")
	}
}

func TestDuplicateAndReorderedGossip(t *testing.T) {
	n := newInitedNode(t, testConfig(Mesh), "n1", 2)
	g := func(seq uint64, vs ...int64) Event {
		var values []messages.Value
		for _, v := range vs {
			values = append(values, messages.IntValue(v))
		}
		return Received{Msg: messages.Message{Src: "n0", Dest: "n1", Body: messages.Gossip{Seq: seq, Values: values}}}
	}
	step(n, g(1, 5))
	step(n, g(1, 5, 6, 7))  // resend of everything unacked, overlapping
	step(n, g(1, 5))        // a stale duplicate arriving late
	out := step(n, g(9, 8)) // skips ahead (overtook a batch before it): kept, not acked
	if len(out.Problems) != 0 {
		t.Errorf("problems = %q", out.Problems)
	}
	wantLines(t, step(n, read("n1", 2)).Messages, `{"src":"n1","dest":"c9","body":{"type":"read_ok","messages":[5,6,7,8],"in_reply_to":2}}`)
	wantLines(t, ticks(n, 5), `{"src":"n1","dest":"n0","body":{"type":"ack","ack":3}}`)
}

func TestStrangersAndUnsolicitedReplies(t *testing.T) {
	n := newInitedNode(t, testConfig(Star), "n0", 2)
	events := []Event{
		Received{Msg: messages.Message{Src: "n9", Dest: "n0", Body: messages.Gossip{Seq: 1, Values: []messages.Value{messages.IntValue(1)}}}},
		Received{Msg: messages.Message{Src: "n9", Dest: "n0", Body: messages.Ack{Ack: 1}}},
		Received{Msg: messages.Message{Src: "c3", Dest: "n0", Body: messages.Reply{Kind: "read_ok", InReplyTo: 4}}},
		Received{Msg: messages.Message{Src: "n1", Dest: "n0", Body: messages.Ack{Ack: 99, Path: []string{"n0"}}}},
	}
	for _, ev := range events {
		out := step(n, ev)
		if len(out.Messages) != 0 || len(out.Problems) != 1 {
			t.Errorf("%+v: out = %+v, want one problem and no messages", ev, out)
		}
	}
	if len(n.Values()) != 0 {
		t.Errorf("a stranger's values were stored: %v", n.Values())
	}
}

func TestRejectedLinesAreAnsweredWhenPossible(t *testing.T) {
	n := newInitedNode(t, testConfig(Star), "n0", 1)
	_, err := messages.Decode([]byte(`{"src":"c4","dest":"n0","body":{"type":"cas","msg_id":8}}`))
	out := step(n, Rejected{Err: err.(*messages.DecodeError)})
	wantLines(t, out.Messages, `{"src":"n0","dest":"c4","body":{"type":"error","in_reply_to":8,"code":10,"text":"unsupported message type \"cas\""}}`)
	_, err = messages.Decode([]byte(`not json`))
	out = step(n, Rejected{Err: err.(*messages.DecodeError)})
	if len(out.Messages) != 0 || len(out.Problems) != 1 {
		t.Errorf("garbage: %+v", out)
	}
}

// TestStarFailsOverAndBack cuts the hub off: one timeout after the leaf's
// value went to its hub unanswered, the leaf seeks (tree_seek.go): it hands the
// value to n1, earlier than itself in init order, asking for an answer.
// n1 answers with its path to n0; two more timeouts later the leaf fails
// over to n1, and it returns to n0 once n0 acknowledges again.
func TestStarFailsOverAndBack(t *testing.T) {
	cfg := testConfig(Star)
	leaf := newInitedNode(t, cfg, "n2", 3)
	step(leaf, broadcast("n2", 2, 1))
	if leaf.Hub() != "n0" {
		t.Fatalf("hub = %s", leaf.Hub())
	}
	asked := cfg.RetransmitTicks + cfg.BatchTicks // the timeout of a send that asked for an answer
	var sent []string
	for range asked {
		sent = append(sent, lines(step(leaf, Tick{}).Messages)...)
	}
	// n2 knows no newer way to n0 than its own, so it asks n1, telling it
	// its path and how new it is (nothing heard from n0 yet), and handing
	// it the value n0 has not acknowledged.
	query := `{"src":"n2","dest":"n1","body":{"type":"ack","ack":0,"ask":true,"values":[1],"path":["n0"]}}`
	if !slices.Contains(sent, query) || leaf.Hub() != "n0" {
		t.Fatalf("after one timeout: hub %s, sent:\n  %s\nwant n1 asked for a newer way", leaf.Hub(), strings.Join(sent, "\n  "))
	}
	// n1 answers with news of n0: n2 seeks through it, with a path that
	// ends with n1, so that n1 takes it as a child.
	out := step(leaf, Received{Msg: messages.Message{Src: "n1", Dest: "n2", Body: messages.Ack{Path: []string{"n0"}, HubTS: 5}}})
	wantLines(t, out.Messages, `{"src":"n2","dest":"n1","body":{"type":"gossip","seq":1,"values":[1],"ack":0,"now":true,"path":["n0","n1"]}}`)
	step(leaf, Received{Msg: messages.Message{Src: "n1", Dest: "n2", Body: messages.Ack{Ack: 1, Path: []string{"n0"}, HubTS: 6}}})
	var notes []string
	for range suspectRTOs * asked {
		notes = append(notes, step(leaf, Tick{}).Notes...)
	}
	if leaf.Hub() != "n1" || !slices.Equal(notes, []string{"hub n0 -> n1: failover"}) {
		t.Fatalf("after two more timeouts, hub = %s, notes %q", leaf.Hub(), notes)
	}
	// n0 comes back and acknowledges: it is preferred again.
	out = step(leaf, Received{Msg: messages.Message{Src: "n0", Dest: "n2", Body: messages.Ack{Ack: 1}}})
	if leaf.Hub() != "n0" || !slices.Equal(out.Notes, []string{"hub n1 -> n0: closer"}) {
		t.Errorf("hub = %s after n0 acknowledged, notes %q", leaf.Hub(), out.Notes)
	}
}

func TestConfigValidation(t *testing.T) {
	for _, c := range []Config{
		{BatchTicks: -1, RetransmitTicks: 10, MaxRetransmitTicks: 10},
		{RetransmitTicks: 0, MaxRetransmitTicks: 10},
		{RetransmitTicks: 10, MaxRetransmitTicks: 5},
		{RetransmitTicks: 10, MaxRetransmitTicks: 19, AckTicks: 10}, // M < R + max(A, B)
	} {
		if _, err := NewNode(c); err == nil {
			t.Errorf("NewNode(%+v) accepted it", c)
		}
	}
	for _, name := range []string{"star", "topology", "mesh"} {
		if s, err := ParseStrategy(name); err != nil || s.String() != name {
			t.Errorf("ParseStrategy(%q) = %v, %v", name, s, err)
		}
	}
	if _, err := ParseStrategy("ring"); err == nil {
		t.Error("ParseStrategy accepted ring")
	}
}

// step applies ev as a shell with a perfect log would: when the Output asks
// for a write, the write succeeds and its report is stepped too, and the
// two outputs are returned as one.
func step(n *Node, ev Event) Output {
	out := n.Step(ev)
	next, ok := Write(nil, out)
	if !ok {
		return out
	}
	then := n.Step(next)
	out.Messages = append(out.Messages, then.Messages...)
	out.Problems = append(out.Problems, then.Problems...)
	out.Notes = append(out.Notes, then.Notes...)
	out.NextTick = then.NextTick
	return out
}

// TestLongTickActsOncePerLink: time jumping far ahead (a pause) makes each
// link send at most once, whatever number of resends its schedule would
// have fitted into the gap, and the clock still counts every tick. The
// resends wait out the late wake's grace (wake.go): R₀ ticks in which the
// node reads what came in while it could not run.
func TestLongTickActsOncePerLink(t *testing.T) {
	cfg := testConfig(Mesh)
	n := newInitedNode(t, cfg, "n0", 4)
	step(n, broadcast("n0", 2, 1))
	if out := step(n, Tick{N: 10_000}); len(out.Messages) != 0 {
		t.Fatalf("a late wake judged its peers before reading its input: sent %v", lines(out.Messages))
	}
	out := step(n, Tick{N: cfg.RetransmitTicks})
	perPeer := map[string]int{}
	for _, m := range out.Messages {
		perPeer[m.Dest]++
	}
	if want := 10_000 + cfg.RetransmitTicks; len(perPeer) != 3 || perPeer["n1"] != 1 || perPeer["n2"] != 1 || perPeer["n3"] != 1 || n.now != want {
		t.Errorf("after 10000 ticks at once and the grace: sent %v, clock %d; want one resend per peer and the clock at %d", perPeer, n.now, want)
	}
}
