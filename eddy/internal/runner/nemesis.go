package runner

import (
	"context"
	"math/rand/v2"
	"sync/atomic"

	"eddy/internal/console"
	"eddy/internal/edn"
	"eddy/internal/history"
	"eddy/internal/nemesis"
	"eddy/internal/netsim"
)

const nemesisThread = "jepsen nemesis"

// nemesisWorker is the nemesis thread (§5, §12.3): it carries out the
// schedule's operations one at a time during the main phase, then the
// final generator. Partition ops go to the partitioner, process faults to
// the cluster.
type nemesisWorker struct {
	clock  clock
	rec    *recorder
	out    *console.Console
	faults nemesis.Faults
	sched  *nemesis.Schedule

	part *partitioner // nil without partitions
	// procs does kills, starts, pauses and resumes; nil without them.
	procs *processFaults
}

// newNemesis builds the nemesis of cfg, or nil when --nemesis is empty.
func newNemesis(cfg Config, net *netsim.Network, cl *cluster, rec *recorder, out *console.Console, rng rngs) *nemesisWorker {
	if !cfg.Faults.Any() {
		return nil
	}
	w := &nemesisWorker{clock: net, rec: rec, out: out, faults: cfg.Faults}
	if cfg.Faults.Partition {
		w.part = &partitioner{net: net, rec: rec, rng: rng.nemesis, nodes: cfg.Nodes}
	}
	if cfg.Faults.Process() {
		w.procs = &processFaults{cl: cl, clock: net, rec: rec, out: out, rng: rng.process, nodes: cfg.Nodes}
	}
	w.sched = nemesis.NewSchedule(cfg.Faults, cfg.NemesisInterval, 0, nemesis.Rands{
		Partition: rng.nemesis, Process: rng.process, Tie: rng.tie,
	})
	return w
}

// run carries out nemesis ops from start until the next would be issued
// at or after cutoff. An op still running at cutoff finishes first.
func (w *nemesisWorker) run(ctx context.Context, start, cutoff int64) bool {
	free := start
	for {
		op, ok := w.sched.Next(free)
		if !ok || op.At >= cutoff {
			return true
		}
		if !sleepUntil(ctx, w.clock, op.At) {
			return false
		}
		w.perform(ctx, op.F, op.At, op.Target)
		w.sched.Done(op)
		free = w.clock.Now()
	}
}

// final is the final generator, run between the main phase and the
// recovery wait: heal, resume every node, start every node (§12.3).
func (w *nemesisWorker) final(ctx context.Context) {
	for _, f := range nemesis.Final(w.faults) {
		w.perform(ctx, f, w.clock.Now(), nemesis.AllNodes)
	}
}

func (w *nemesisWorker) perform(ctx context.Context, f string, at int64, target nemesis.Target) {
	switch f {
	case history.FStartPartition:
		w.part.start(at)
	case history.FStopPartition:
		w.part.stop(at)
	default:
		w.procs.perform(ctx, f, at, target)
	}
}

// partition is the partition in force, for the status line ("" healed).
func (w *nemesisWorker) partition() string {
	if w.part == nil {
		return ""
	}
	return w.part.partition()
}

// partitioner carries out the partition flip-flop's ops (§5): a start
// draws a spec and its grudge and installs it, a stop heals.
type partitioner struct {
	net   *netsim.Network
	rec   *recorder
	rng   *rand.Rand // the partition stream: specs and grudges (and gaps, drawn by the schedule)
	nodes []string

	current atomic.Value // string: the spec in force, "" when healed
}

func (p *partitioner) start(at int64) {
	spec := nemesis.ChooseSpec(p.rng)
	record(p.rec, at, history.FStartPartition, history.EDN(spec.EDN()))
	grudge := nemesis.Grudge(spec, p.nodes, p.rng)
	p.net.Partition(grudge)
	p.current.Store(spec.EDN())
	record(p.rec, p.net.Now(), history.FStartPartition, history.Isolated{Drops: grudge, Text: nemesis.FormatIsolated(grudge)})
}

func (p *partitioner) stop(at int64) {
	record(p.rec, at, history.FStopPartition, nil)
	p.net.Heal()
	p.current.Store("")
	record(p.rec, p.net.Now(), history.FStopPartition, history.EDN(nemesis.NetworkHealed))
}

// partition is the spec in force, for the status line.
func (p *partitioner) partition() string {
	s, _ := p.current.Load().(string)
	return s
}

// processFaults carries out kills, starts, pauses and resumes (§12.5–
// §12.7) on the cluster and records them as Jepsen's db nemesis does.
type processFaults struct {
	cl    *cluster
	clock clock
	rec   *recorder
	out   *console.Console
	rng   *rand.Rand // the process stream: the nodes each target names
	nodes []string
}

// perform records the invocation at its scheduled time, draws the nodes
// the target names, acts on them, and records the completion: what
// happened to each node, or, when some node could not be handled, the
// invocation's value with the error (Jepsen's interpreter turns a nemesis
// that throws into such an :info).
func (p *processFaults) perform(ctx context.Context, f string, at int64, target nemesis.Target) {
	var value history.Value
	if target != nemesis.Subset {
		value = history.EDN(target.EDN())
	}
	record(p.rec, at, f, value)
	nodes := target.Nodes(p.nodes, p.rng)
	var outcomes map[string]string
	var err error
	switch f {
	case history.FKill:
		outcomes, err = p.cl.kill(nodes)
	case history.FStart:
		outcomes, err = p.cl.start(ctx, nodes)
	case history.FPause:
		outcomes, err = p.cl.pause(nodes)
	case history.FResume:
		outcomes, err = p.cl.resume(nodes)
	}
	done := history.Op{Time: p.clock.Now(), Type: history.Info, Process: history.NemesisProcess, F: f}
	if err != nil {
		p.out.Warn(nemesisThread, "jepsen.generator.interpreter", "Process :nemesis crashed\n"+err.Error())
		done.Value, done.Exception, done.Error = value, "nemesis", edn.Quote("indeterminate: "+err.Error())
	} else {
		done.Value = history.Outcomes{Of: outcomes, Text: nemesis.FormatOutcomes(nodes, outcomes)}
	}
	p.rec.record(nemesisThread, done)
}

// record appends one nemesis op (:info, invocation or completion).
func record(rec *recorder, at int64, f string, value history.Value) {
	rec.record(nemesisThread, history.Op{Time: at, Type: history.Info, Process: history.NemesisProcess, F: f, Value: value})
}
