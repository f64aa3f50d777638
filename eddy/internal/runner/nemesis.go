package runner

import (
	"context"
	"math/rand/v2"
	"sync/atomic"

	"eddy/internal/history"
	"eddy/internal/nemesis"
	"eddy/internal/netsim"
)

// partitioner is the partition nemesis (§5): start and stop alternate,
// the first start at once, gaps Uniform[0, 2·interval).
type partitioner struct {
	net      *netsim.Network
	rec      *recorder
	rng      *rand.Rand // the nemesis stream: specs, grudges, gaps
	nodes    []string
	interval float64 // mean seconds between ops

	current atomic.Value // string: the spec in force, "" when healed
}

func newPartitioner(net *netsim.Network, rec *recorder, rng *rand.Rand, nodes []string, interval float64) *partitioner {
	return &partitioner{net: net, rec: rec, rng: rng, nodes: nodes, interval: interval}
}

// run schedules nemesis ops from start until the next falls at or after
// cutoff.
func (p *partitioner) run(ctx context.Context, start, cutoff int64) bool {
	next, starting := start, true
	for next < cutoff {
		if !sleepUntil(ctx, p.net, next) {
			return false
		}
		if starting {
			p.start(next)
		} else {
			p.stop(next)
		}
		starting = !starting
		next += int64(nemesis.NextGap(p.interval, p.rng))
	}
	return true
}

func (p *partitioner) start(at int64) {
	spec := nemesis.ChooseSpec(p.rng)
	p.invoke(at, history.FStartPartition, history.EDN(spec.EDN()))
	grudge := nemesis.Grudge(spec, p.nodes, p.rng)
	p.net.Partition(grudge)
	p.current.Store(spec.EDN())
	p.complete(history.FStartPartition, history.Isolated{Drops: grudge, Text: nemesis.FormatIsolated(grudge)})
}

func (p *partitioner) stop(at int64) {
	p.invoke(at, history.FStopPartition, nil)
	p.net.Heal()
	p.current.Store("")
	p.complete(history.FStopPartition, history.EDN(nemesis.NetworkHealed))
}

const nemesisThread = "jepsen nemesis"

func (p *partitioner) invoke(at int64, f string, value history.Value) {
	p.rec.record(nemesisThread, history.Op{Time: at, Type: history.Info, Process: history.NemesisProcess, F: f, Value: value})
}

func (p *partitioner) complete(f string, value history.Value) {
	p.rec.record(nemesisThread, history.Op{Time: p.net.Now(), Type: history.Info, Process: history.NemesisProcess, F: f, Value: value})
}

// partition is the spec in force, for the status line.
func (p *partitioner) partition() string {
	s, _ := p.current.Load().(string)
	return s
}
