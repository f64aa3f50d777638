package actor

import "testing"

// TestLagDeadlines checks the deadline a leaf gives its hub's promise: a
// third of R₀ over the lag after one sample, narrowing to the slack floor
// on a steady lag, and widening at once when the lag jumps (a message that
// waited behind others), so that a late message is never taken for a lost
// one twice in a row.
func TestLagDeadlines(t *testing.T) {
	const r0, batch = 30, 25
	var g lag
	g.sample(10, r0) // a hub message sent at its tick 90, here at 100
	if got, want := g.due(90, batch), int64(90+batch+10+r0/3); got != want {
		t.Fatalf("after one sample: due %d, want %d (lag 10, a third of R₀ over it)", got, want)
	}
	for range 40 {
		g.sample(10, r0)
	}
	if got, want := g.due(90, batch), int64(90+batch+10+slackTicks); got != want {
		t.Fatalf("on a steady lag: due %d, want %d (the slack floor over the lag)", got, want)
	}
	g.sample(30, r0) // twenty ticks late
	if got := g.due(90, batch); got < 90+batch+30 {
		t.Fatalf("after a late message: due %d, earlier than the lag just seen (%d)", got, 90+batch+30)
	}
}
