package sim

import "rumor/actor"

// wake follows one node's promise about ticks. The real shell sleeps
// through the ticks a node says it does not need (Output.NextTick), so the
// promise must hold: the simulator still ticks every node on every tick, and
// checks that no tick before the promised one sends anything.
type wake struct {
	ticks int64 // ticks the node has been given
	due   int64 // the first tick it may act on; 0 when it promised none
}

// promise records the node's latest word on when it next needs a tick; every
// output replaces the one before.
func (w *wake) promise(out actor.Output) {
	w.due = 0
	if out.NextTick > 0 {
		w.due = w.ticks + out.NextTick
	}
}

// checkWake counts ticks just given to id (one Tick carrying them) and
// fails the run if the node acted on a tick it had said it would not need.
func (s *Sim) checkWake(id string, ticks int64, out actor.Output) {
	w := s.wakes[id]
	w.ticks += ticks
	if len(out.Messages) > 0 && (w.due == 0 || w.ticks < w.due) {
		s.fail("wake", "%s sent %d messages on its tick %d, but had promised to need no tick before %d (0: none)",
			id, len(out.Messages), w.ticks, w.due)
	}
}
