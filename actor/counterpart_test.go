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
	for _, m := range step(hub, broadcast("n0", 1, 1)).Messages {
		if g, ok := m.Body.(messages.Gossip); ok && m.Dest == "n5" {
			ts = g.Stamp
		}
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
// the other side, once per M/10, and the others at most twice per M.
func TestAHubRetriesItsCounterpartMostOften(t *testing.T) {
	cfg := testConfig(Star)
	gap := counterpartRetryGap(cfg.MaxRetransmitTicks)
	hub := cutHub(t, cfg, 2*gap)
	if cp := hub.counterpart(); cp != "n1" {
		t.Fatalf("counterpart %q, want n1, the first in init order of the peers cut off", cp)
	}
	window := 5 * cfg.MaxRetransmitTicks
	sent := retriesIn(hub, window)
	if want := window / gap; sent["n1"] < want {
		t.Errorf("n1, the counterpart, got %d retries in %d ticks, want at least %d", sent["n1"], window, want)
	}
	for _, p := range []string{"n2", "n3", "n4"} {
		if most := 2*window/cfg.MaxRetransmitTicks + 1; sent[p] == 0 || sent[p] > most {
			t.Errorf("%s got %d retries in %d ticks, want 1 to %d", p, sent[p], window, most)
		}
	}
	t.Logf("retries in %d ticks: %v", window, sent)
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
