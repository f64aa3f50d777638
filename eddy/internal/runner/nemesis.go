package runner

import (
	"context"
	"sync/atomic"

	"eddy/internal/history"
	"eddy/internal/nemesis"
)

// partitioner is the partition nemesis (§5): start and stop alternate,
// the first start at once, gaps Uniform[0, 2·interval).
type partitioner struct {
	r       *run
	current atomic.Value // string: the spec in force, "" when healed
}

// run schedules nemesis ops from start until the next falls at or after
// cutoff.
func (p *partitioner) run(ctx context.Context, start, cutoff int64) bool {
	next, starting := start, true
	for next < cutoff {
		if !p.r.sleepUntil(ctx, next) {
			return false
		}
		if starting {
			p.start(next)
		} else {
			p.stop(next)
		}
		starting = !starting
		next += int64(nemesis.NextGap(p.r.cfg.NemesisInterval, p.r.rng.nemesis))
	}
	return true
}

func (p *partitioner) start(at int64) {
	spec := nemesis.ChooseSpec(p.r.rng.nemesis)
	p.invoke(at, history.FStartPartition, spec.EDN())
	grudge := nemesis.Grudge(spec, p.r.cfg.Nodes, p.r.rng.nemesis)
	p.r.net.Partition(grudge)
	p.current.Store(spec.EDN())
	p.complete(history.FStartPartition, nemesis.FormatIsolated(grudge))
}

func (p *partitioner) stop(at int64) {
	p.invoke(at, history.FStopPartition, nil)
	p.r.net.Heal()
	p.current.Store("")
	p.complete(history.FStopPartition, nemesis.NetworkHealed)
}

func (p *partitioner) invoke(at int64, f string, value any) {
	op := p.r.hist.append(history.Op{Time: at, Type: history.Info, Process: history.NemesisProcess, F: f, Value: value})
	p.r.logOp("jepsen nemesis", op)
}

func (p *partitioner) complete(f string, value any) {
	op := p.r.hist.append(history.Op{Time: p.r.net.Now(), Type: history.Info, Process: history.NemesisProcess, F: f, Value: value})
	p.r.logOp("jepsen nemesis", op)
}

// partition is the spec in force, for the status line.
func (p *partitioner) partition() string {
	s, _ := p.current.Load().(string)
	return s
}
