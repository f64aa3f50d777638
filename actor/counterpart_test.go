package actor

import (
	"testing"

	"rumor/messages"
)

// cutHub returns hub n0 of n0…n5 with a value sent to every peer and
// answered only by n5, after rtt ticks (the node's one round-trip sample),
// and every other link stalled and past its first retry's phase.
func cutHub(t *testing.T, cfg Config, rtt int64) *Node {
	t.Helper()
	hub := newInitedNode(t, cfg, "n0", 6)
	var ts uint64
	for _, g := range gossipsTo(step(hub, broadcast("n0", 1, 1)).Messages, "n5") {
		ts = g.Stamp
	}
	if ts == 0 {
		t.Fatal("the hub sent n5 no stamped gossip")
	}
	for range rtt {
		step(hub, Tick{})
	}
	step(hub, Received{Msg: messages.Message{Src: "n5", Dest: "n0", Body: messages.Ack{Ack: 1, Echo: ts}}})
	for range 4 * cfg.MaxRetransmitTicks {
		step(hub, Tick{})
	}
	return hub
}

// retriesIn counts the messages the node sends each peer in ticks ticks.
func retriesIn(n *Node, ticks int64) map[string]int64 {
	sent := map[string]int64{}
	for range ticks {
		for _, m := range step(n, Tick{}).Messages {
			sent[m.Dest]++
		}
	}
	return sent
}

// TestAHubRetriesItsCounterpartMostOften: a hub cut off from n1…n4
// retries n1, the first of them in init order and the likeliest hub of
// the other side, as often as the other three together, and all four
// together as often as without a counterpart: four retries per the pace
// each link would keep alone.
func TestAHubRetriesItsCounterpartMostOften(t *testing.T) {
	cfg := testConfig(Star)
	hub := cutHub(t, cfg, 2*counterpartMinRTT(cfg.MaxRetransmitTicks))
	if cp := hub.counterpart(); cp != "n1" {
		t.Fatalf("counterpart %q, want n1, the first in init order of the peers cut off", cp)
	}
	// The pace without a counterpart: the links' timeout here, longer
	// than M/3 and than four spacings.
	pace := hub.rto(hub.links["n2"], true)
	window := 10 * cfg.MaxRetransmitTicks
	sent := retriesIn(hub, window)
	others := sent["n2"] + sent["n3"] + sent["n4"]
	if sent["n1"] < others-1 {
		t.Errorf("n1, the counterpart, got %d retries in %d ticks and the other three %d: want about half of them", sent["n1"], window, others)
	}
	if total, want := sent["n1"]+others, 4*window/pace; total < want-4 || total > want+4 {
		t.Errorf("%d retries in all in %d ticks, want about %d, four per %d ticks as without a counterpart", total, window, want, pace)
	}
	for _, p := range []string{"n2", "n3", "n4"} {
		if sent[p] == 0 {
			t.Errorf("%s got no retry in %d ticks", p, window)
		}
	}
	t.Logf("retries in %d ticks: %v (pace %d)", window, sent, pace)
}

// TestNoCounterpartOnAFastNetwork: where the node's round trips are
// shorter than M/10 (at --latency 0, say), a retry that lands on a leaf
// loses next to nothing, so the hub has no counterpart and every link
// keeps the usual pace; nor has a hub that measured no round trip at all.
func TestNoCounterpartOnAFastNetwork(t *testing.T) {
	cfg := testConfig(Star)
	hub := cutHub(t, cfg, 1)
	if cp := hub.counterpart(); cp != "" {
		t.Errorf("counterpart %q with a round trip of one tick, want none", cp)
	}
	sent := retriesIn(hub, 5*cfg.MaxRetransmitTicks)
	if sent["n1"] != sent["n2"] {
		t.Errorf("n1 got %d retries and n2 %d: want the same pace", sent["n1"], sent["n2"])
	}

	unmeasured := newInitedNode(t, cfg, "n0", 3)
	step(unmeasured, broadcast("n0", 1, 1))
	for range 4 * cfg.MaxRetransmitTicks {
		step(unmeasured, Tick{})
	}
	if cp := unmeasured.counterpart(); cp != "" {
		t.Errorf("counterpart %q for a hub that measured no round trip, want none", cp)
	}
}
