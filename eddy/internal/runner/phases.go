package runner

import (
	"context"
	"errors"
	"sync"

	"eddy/internal/history"
	"eddy/internal/rpc"
	"eddy/internal/topology"
)

// errInterrupted reports a run cut short by its context (Ctrl-C).
var errInterrupted = errors.New("interrupted")

// sendTopology is §2.2: one setup client per node, in parallel, each sending
// the whole map once and waiting 5 s for topology_ok. Setup clients stay
// registered until the end of the run.
func (r *run) sendTopology() error {
	topo, err := topology.Build(r.cfg.Topology, r.cfg.Nodes)
	if err != nil {
		return err
	}
	errs := make([]error, len(r.cfg.Nodes))
	var wg sync.WaitGroup
	for i, id := range r.cfg.Nodes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := rpc.Open(r.net)
			r.setupMu.Lock()
			r.setupClients = append(r.setupClients, c)
			r.setupMu.Unlock()
			if _, err := c.Call(r.ctx.Done(), id, rpc.Topology(topo), rpc.DefaultTimeout); err != nil {
				errs[i] = err
			}
		}()
	}
	wg.Wait()
	if r.ctx.Err() != nil {
		return errInterrupted
	}
	return errors.Join(errs...)
}

// mainPhase runs the client schedule and the nemesis side by side under one
// time limit, then waits for in-flight ops (the barrier).
func (r *run) mainPhase(ctx context.Context, p *pool) error {
	start := r.net.Now()
	cutoff := start + int64(r.cfg.TimeLimit)
	r.phase.Store("main")
	var wg sync.WaitGroup
	if r.cfg.Partition {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.nemesis.run(ctx, start, cutoff)
		}()
	}
	s := &clientSchedule{r: r, pool: p, gapSpan: 2 / r.cfg.Rate * 1e9}
	ok := s.run(ctx, start, cutoff)
	wg.Wait()
	if !ok || !p.awaitAll(ctx) {
		return errInterrupted
	}
	return nil
}

// finalPhase is §3.4's tail: heal, announce, wait, then one final read per
// worker, dispatched back to back in random order.
func (r *run) finalPhase(ctx context.Context, p *pool) error {
	if r.cfg.Partition {
		r.nemesis.stop(r.net.Now())
	}
	order := r.rng.clients.Perm(len(p.workers))
	r.info(p.workers[order[0]].thread(), "jepsen.generator.interpreter", "Waiting for recovery...")
	r.phase.Store("recovery")
	if !r.sleepUntil(ctx, r.net.Now()+int64(r.cfg.RecoveryWait)) {
		return errInterrupted
	}
	r.phase.Store("final reads")
	s := &clientSchedule{r: r, pool: p}
	for _, w := range order {
		s.dispatch(w, history.Op{Time: r.net.Now(), Type: history.Invoke, Process: p.workers[w].process, F: history.FRead, Final: true})
	}
	if !p.awaitAll(ctx) {
		return errInterrupted
	}
	return nil
}

// closeSetupClients ends the topology clients (step 6 of §3.6).
func (r *run) closeSetupClients() {
	r.setupMu.Lock()
	defer r.setupMu.Unlock()
	for _, c := range r.setupClients {
		c.Close()
	}
	r.setupClients = nil
}
