package actor

import (
	"testing"
)

// TestAHubRetriesItsCounterpartMostOften: a hub cut off from every peer
// retries the first of them in init order, the likeliest hub of the other
// side, once per M/10, and the others at most twice per M; a hub whose
// links have not stalled has no counterpart.
func TestAHubRetriesItsCounterpartMostOften(t *testing.T) {
	cfg := testConfig(Star)
	hub := newInitedNode(t, cfg, "n0", 5)
	if cp := hub.counterpart(); cp != "" {
		t.Fatalf("a hub with nothing sent has counterpart %q", cp)
	}
	step(hub, broadcast("n0", 1, 1))
	for range 4 * cfg.MaxRetransmitTicks { // every link stalls, and its phase passes
		step(hub, Tick{})
	}
	if cp := hub.counterpart(); cp != "n1" {
		t.Fatalf("counterpart %q, want n1, the first in init order", cp)
	}
	window := 5 * cfg.MaxRetransmitTicks
	sent := map[string]int64{}
	for range window {
		for _, m := range step(hub, Tick{}).Messages {
			sent[m.Dest]++
		}
	}
	if want := window / counterpartRetryGap(cfg.MaxRetransmitTicks); sent["n1"] < want {
		t.Errorf("n1, the counterpart, got %d retries in %d ticks, want at least %d", sent["n1"], window, want)
	}
	for _, p := range []string{"n2", "n3", "n4"} {
		if most := 2*window/cfg.MaxRetransmitTicks + 1; sent[p] == 0 || sent[p] > most {
			t.Errorf("%s got %d retries in %d ticks, want 1 to %d", p, sent[p], window, most)
		}
	}
	t.Logf("retries in %d ticks: %v", window, sent)
}
