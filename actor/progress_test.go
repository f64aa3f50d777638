package actor

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"rumor/messages"
)

func TestFreshStartRule(t *testing.T) {
	for _, tt := range []struct {
		src  string
		size int
		want bool
	}{
		{"c0", 5, true}, {"c4", 5, true}, {"c5", 5, false}, {"c37", 5, false}, {"c0", 1, true}, {"c1", 1, false},
		{"n1", 5, false}, {"c", 5, false}, {"cx", 5, false}, {"c-1", 5, false}, {"", 5, false},
	} {
		if got := freshStart(tt.src, tt.size); got != tt.want {
			t.Errorf("freshStart(%q, %d) = %v, want %v", tt.src, tt.size, got, tt.want)
		}
	}
}

// restartInit is the init a node gets after a kill: from a client opened
// long after the test's first ones.
func restartInit(id string, size int) Event {
	m := initMsg(id, size)
	m.Src = "c41"
	return Received{Msg: m}
}

// restarted returns node id of a cluster of size, restarted with values in
// its log, and the output of its init.
func restarted(t *testing.T, cfg Config, id string, size int, values ...int64) (*Node, Output) {
	t.Helper()
	n, err := NewNode(cfg)
	if err != nil {
		t.Fatal(err)
	}
	out := n.Step(restartInit(id, size))
	if out.OpenLog == nil || out.OpenLog.Fresh || out.OpenLog.Node != id || len(out.Messages) != 0 {
		t.Fatalf("a restart's init: %+v; want only a request to read the log back", out)
	}
	var vs []messages.Value
	for _, v := range values {
		vs = append(vs, messages.IntValue(v))
	}
	return n, n.Step(Recovered{Values: vs, Problems: []string{"dropped a torn record"}})
}

// TestFreshInitOpensAnEmptyLog: init from one of the test's first clients
// asks for a fresh log and answers init_ok only once it is open.
func TestFreshInitOpensAnEmptyLog(t *testing.T) {
	n, _ := NewNode(testConfig(Star))
	out := n.Step(Received{Msg: initMsg("n1", 3)})
	if out.OpenLog == nil || !out.OpenLog.Fresh || len(out.Messages) != 0 {
		t.Fatalf("init: %+v", out)
	}
	wantLines(t, n.Step(Recovered{}).Messages, `{"src":"n1","dest":"c0","body":{"type":"init_ok","in_reply_to":1}}`)
}

// TestRestartedLeafProbesItsHub: a star leaf restarted with values in its
// log holds them at once, answers init_ok and probes its hub in the same
// output, keeps its recovered values for the hub until the hub confirms,
// retries the probe with backoff, and sends what waited once confirmed.
func TestRestartedLeafProbesItsHub(t *testing.T) {
	cfg := testConfig(Star)
	cfg.Incarnation = 7
	n, out := restarted(t, cfg, "n2", 3, 4, 5)
	wantLines(t, out.Messages,
		`{"src":"n2","dest":"c41","body":{"type":"init_ok","in_reply_to":1}}`,
		`{"src":"n2","dest":"n0","body":{"type":"probe","path":["n0"],"inc":7}}`)
	if len(out.Notes) != 2 || !strings.Contains(out.Notes[0], "torn") {
		t.Errorf("notes %q: want the log's problem and the restart", out.Notes)
	}
	wantLines(t, step(n, read("n2", 2)).Messages, `{"src":"n2","dest":"c9","body":{"type":"read_ok","messages":[4,5],"in_reply_to":2}}`)
	if got := n.Probing(); !slices.Equal(got, []string{"n0"}) || n.Unacked()["n0"] != 2 {
		t.Fatalf("probing %v, owes %v; want n0 probed and owed both values", got, n.Unacked())
	}
	// The hub does not answer: probes go on the resend schedule, and the
	// leaf does not fail over before its failover timeout (here the
	// retransmission timeout, 10 ticks).
	var probes []int64
	for range 9 {
		if out := step(n, Tick{}); len(out.Messages) > 0 {
			probes = append(probes, n.now)
		}
	}
	if len(probes) != 0 || n.Hub() != "n0" {
		t.Fatalf("probed again at %v, hub %s, before any timeout", probes, n.Hub())
	}
	// The hub confirms: anything naming this run.
	out = step(n, Received{Msg: messages.Message{Src: "n0", Dest: "n2", Body: messages.Ack{Incarnations: messages.Incarnations{Inc: 3, ToInc: 7}}}})
	wantLines(t, out.Messages, `{"src":"n2","dest":"n0","body":{"type":"gossip","seq":1,"values":[4,5],"ack":0,"now":true,"path":["n0"],"inc":7,"to_inc":3}}`)
	if got := n.Probing(); len(got) != 0 {
		t.Errorf("still probing %v", got)
	}
}

// TestUnansweredProbeFailsOver: a restarted leaf whose hub leaves its
// probes unanswered finds the hub dead after two of them and, knowing of
// no path to a better hub yet, becomes a hub itself and, since no peer has
// confirmed it, probes every peer; the old hub is still probed, with
// backoff. n1 answers, showing it is a hub earlier in init order than n2,
// which attaches to it; n0 answers later and is taken back.
func TestUnansweredProbeFailsOver(t *testing.T) {
	cfg := testConfig(Star)
	cfg.Incarnation = 7
	n, _ := restarted(t, cfg, "n2", 3, 4)
	var sent []string
	var notes []string
	for range 4 * cfg.MaxRetransmitTicks {
		out := step(n, Tick{})
		sent = append(sent, lines(out.Messages)...)
		notes = append(notes, out.Notes...)
		if n.Hub() != "n0" {
			break
		}
	}
	if n.Hub() != "n2" || !slices.Equal(n.Probing(), []string{"n0", "n1"}) || !slices.Equal(notes, []string{"hub n0 -> n2: failover"}) {
		t.Fatalf("hub %s, probing %v, notes %q; want n2 itself, both probed", n.Hub(), n.Probing(), notes)
	}
	if !slices.Contains(sent, `{"src":"n2","dest":"n1","body":{"type":"probe","inc":7}}`) {
		t.Errorf("n1 not probed: %v", sent)
	}
	out := step(n, Received{Msg: messages.Message{Src: "n1", Dest: "n2", Body: messages.Ack{Incarnations: messages.Incarnations{Inc: 3, ToInc: 7}}}})
	if n.Hub() != "n1" || !slices.Equal(out.Notes, []string{"hub n2 -> n1: closer"}) {
		t.Fatalf("after n1 confirmed: hub %s, notes %q", n.Hub(), out.Notes)
	}
	wantLines(t, out.Messages, `{"src":"n2","dest":"n1","body":{"type":"gossip","seq":1,"values":[4],"ack":0,"now":true,"path":["n1"],"inc":7,"to_inc":3}}`)
	step(n, Received{Msg: messages.Message{Src: "n0", Dest: "n2", Body: messages.Probe{Incarnations: messages.Incarnations{Inc: 2, ToInc: 7}}}})
	if n.Hub() != "n0" || len(n.Probing()) != 0 {
		t.Errorf("after n0 confirmed: hub %s, probing %v", n.Hub(), n.Probing())
	}
}

// wantProbesAll checks a restarted node's init output: init_ok, then a
// probe to each of peers.
func wantProbesAll(t *testing.T, out Output, id string, inc uint64, peers ...string) {
	t.Helper()
	want := []string{fmt.Sprintf(`{"src":%q,"dest":"c41","body":{"type":"init_ok","in_reply_to":1}}`, id)}
	for _, p := range peers {
		want = append(want, fmt.Sprintf(`{"src":%q,"dest":%q,"body":{"type":"probe","inc":%d}}`, id, p, inc))
	}
	wantLines(t, out.Messages, want...)
}

// TestRestartedHubProbesEveryPeer: a restarted star hub routes its values
// to everyone, so it probes everyone.
func TestRestartedHubProbesEveryPeer(t *testing.T) {
	cfg := testConfig(Star)
	cfg.Incarnation = 7
	_, out := restarted(t, cfg, "n0", 3, 4)
	wantProbesAll(t, out, "n0", 7, "n1", "n2")
}

// TestProbeRestartsTheStream: a probe makes its receiver start its stream
// to the prober over with everything it holds, at once, naming the
// prober's run; a repeated probe (its answer lost) is answered again
// without queueing everything anew; a probe from an earlier run is ignored.
func TestProbeRestartsTheStream(t *testing.T) {
	cfg := testConfig(Star)
	cfg.Incarnation = 3
	hub := newInitedNode(t, cfg, "n0", 3)
	step(hub, broadcast("n0", 2, 1))
	step(hub, broadcast("n0", 3, 2))
	probe := func(inc uint64) Event {
		return Received{Msg: messages.Message{Src: "n2", Dest: "n0", Body: messages.Probe{Incarnations: messages.Incarnations{Inc: inc}}}}
	}
	wantLines(t, step(hub, probe(7)).Messages,
		`{"src":"n0","dest":"n2","body":{"type":"gossip","seq":1,"values":[1,2],"ack":0,"now":true,"more":3,"hub_ts":1,"inc":3,"to_inc":7}}`)
	wantLines(t, step(hub, probe(7)).Messages, `{"src":"n0","dest":"n2","body":{"type":"ack","ack":0,"hub_ts":1,"inc":3,"to_inc":7}}`)
	if got := hub.Unacked()["n2"]; got != 2 {
		t.Errorf("owes n2 %d values after a repeated probe, want 2", got)
	}
	if out := step(hub, probe(6)); len(out.Messages) != 0 {
		t.Errorf("a stale probe was answered: %v", lines(out.Messages))
	}
}

// TestRecoveredValuesAreRoutedAgain: a restarted mesh node sends every
// recovered value to every peer again, once each has confirmed it.
func TestRecoveredValuesAreRoutedAgain(t *testing.T) {
	cfg := testConfig(Mesh)
	cfg.Incarnation = 9
	n, out := restarted(t, cfg, "n1", 3, 8)
	wantProbesAll(t, out, "n1", 9, "n0", "n2")
	out = step(n, Received{Msg: messages.Message{Src: "n2", Dest: "n1", Body: messages.Gossip{Seq: 1,
		Values: []messages.Value{messages.IntValue(8), messages.IntValue(9)}, Incarnations: messages.Incarnations{Inc: 4, ToInc: 9}}}})
	wantLines(t, out.Messages, `{"src":"n1","dest":"n2","body":{"type":"gossip","seq":1,"values":[8],"ack":2,"inc":9,"to_inc":4}}`)
}

// TestProbedWhileProbing: two nodes restarted together (a kill of every
// node), the first probe lost (it reached its peer before the peer's
// init): the peer's own probe makes the node probe again at once, naming
// the peer's run, which confirms the peer; the peer's answer confirms it.
func TestProbedWhileProbing(t *testing.T) {
	cfg := testConfig(Star)
	cfg.Incarnation = 7
	leaf, _ := restarted(t, cfg, "n2", 3)
	ticks(leaf, 3) // its first probe to n0 is lost
	probe := Received{Msg: messages.Message{Src: "n0", Dest: "n2", Body: messages.Probe{Incarnations: messages.Incarnations{Inc: 5}}}}
	wantLines(t, step(leaf, probe).Messages, `{"src":"n2","dest":"n0","body":{"type":"probe","path":["n0"],"inc":7,"to_inc":5}}`)
	answer := Received{Msg: messages.Message{Src: "n0", Dest: "n2", Body: messages.Ack{Incarnations: messages.Incarnations{Inc: 5, ToInc: 7}}}}
	step(leaf, answer)
	if got := leaf.Probing(); len(got) != 0 {
		t.Errorf("still probing %v", got)
	}
}
