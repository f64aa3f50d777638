package runner

import "math/rand/v2"

// rngs are the run's random streams, all derived from the one seed. Each
// consumer gets its own stream so that, process scheduling aside, the same
// seed replays the same schedule, op mix, partitions and latencies: one
// goroutine's draws never shift another's.
type rngs struct {
	clients *rand.Rand // op mix, stagger gaps, final-read order
	nemesis *rand.Rand // partitions: specs, grudges, gaps
	latency *rand.Rand // per-message latency (the network locks it)
	process *rand.Rand // process faults: the mix, targets, their nodes, gaps
	tie     *rand.Rand // which nemesis generator goes first on a tie
}

func newRngs(seed uint64) rngs {
	stream := func(k uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, k)) }
	return rngs{clients: stream(1), nemesis: stream(2), latency: stream(3), process: stream(4), tie: stream(5)}
}
