package runner

import (
	"context"
	"errors"
	"math/rand/v2"
	"sync"
	"time"

	"eddy/internal/console"
	"eddy/internal/history"
	"eddy/internal/netsim"
	"eddy/internal/rpc"
	"eddy/internal/topology"
)

// errInterrupted reports a run cut short by its context (Ctrl-C).
var errInterrupted = errors.New("interrupted")

// sendTopology is §2.2: one setup client per node, in parallel, each sending
// the whole map once and waiting 5 s for topology_ok. It returns the setup
// clients, which stay registered until the caller closes them at the end of
// the run, whatever the error.
func sendTopology(ctx context.Context, net *netsim.Network, kind string, nodes []string) ([]*rpc.Client, error) {
	topo, err := topology.Build(kind, nodes)
	if err != nil {
		return nil, err
	}
	clients := make([]*rpc.Client, len(nodes))
	errs := make([]error, len(nodes))
	var wg sync.WaitGroup
	for i, id := range nodes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			clients[i] = rpc.Open(net)
			if _, err := clients[i].Call(ctx.Done(), id, rpc.Topology(topo), rpc.DefaultTimeout); err != nil {
				errs[i] = err
			}
		}()
	}
	wg.Wait()
	if ctx.Err() != nil {
		return clients, errInterrupted
	}
	return clients, errors.Join(errs...)
}

// closeClients ends the topology clients (step 6 of §3.6).
func closeClients(clients []*rpc.Client) {
	for _, c := range clients {
		c.Close()
	}
}

// mainPhase runs the client schedule and the nemesis (nil without one) side
// by side under one time limit, then waits for in-flight ops (the barrier).
func mainPhase(ctx context.Context, c clock, limit time.Duration, s *clientSchedule, nem *nemesisWorker, prog *progress) error {
	start := c.Now()
	cutoff := start + int64(limit)
	prog.set("main")
	var wg sync.WaitGroup
	if nem != nil {
		wg.Add(1)
		go func() {
			defer wg.Done()
			nem.run(ctx, start, cutoff)
		}()
	}
	ok := s.run(ctx, start, cutoff)
	wg.Wait()
	if !ok || !s.pool.awaitAll(ctx) {
		return errInterrupted
	}
	return nil
}

// finalPhase is §3.4's tail: the nemesis's final generator (heal, resume
// and start every node, §12.3), announce, wait, then one final read per
// worker, dispatched back to back in an order drawn from rng.
func finalPhase(ctx context.Context, c clock, recoveryWait time.Duration, s *clientSchedule, nem *nemesisWorker, rng *rand.Rand, out *console.Console, prog *progress) error {
	if nem != nil {
		prog.set("final nemesis")
		nem.final(ctx)
	}
	p := s.pool
	order := rng.Perm(len(p.workers))
	out.Info(p.workers[order[0]].thread(), "jepsen.generator.interpreter", "Waiting for recovery...")
	prog.set("recovery")
	if !sleepUntil(ctx, c, c.Now()+int64(recoveryWait)) {
		return errInterrupted
	}
	prog.set("final reads")
	for _, w := range order {
		s.dispatch(w, history.Op{Time: c.Now(), Type: history.Invoke, Process: p.workers[w].process, F: history.FRead, Final: true})
	}
	if !p.awaitAll(ctx) {
		return errInterrupted
	}
	return nil
}

// setUpDB is §2.1's DB setup: the services, then every node launched and
// sent init.
func setUpDB(ctx context.Context, out *console.Console, cl *cluster) error {
	out.Info(runnerThread, "jepsen.db", "Tearing down DB")
	out.Info(runnerThread, "jepsen.db", "Setting up DB")
	out.Info("jepsen node "+cl.ids[0], "maelstrom.net", "Starting Maelstrom network")
	if err := cl.startServices(); err != nil {
		return err
	}
	return cl.setUpAll(ctx)
}

// workload is the client side of the test: the workers, the main phase and
// the final phase. Every worker has ended when it returns.
func workload(ctx context.Context, cfg Config, out *console.Console, net *netsim.Network, rec *recorder, rng rngs, nem *nemesisWorker, prog *progress) error {
	p := newPool(ctx, net, rec, cfg.Nodes, cfg.Concurrency)
	defer p.stop()
	s := newClientSchedule(net, net.NewAlarm(), p, rec, rng.clients, cfg.Rate)
	if err := mainPhase(ctx, net, cfg.TimeLimit, s, nem, prog); err != nil {
		return err
	}
	return finalPhase(ctx, net, cfg.RecoveryWait, s, nem, rng.clients, out, prog)
}
