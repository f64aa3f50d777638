package runner

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"eddy/internal/console"
	"eddy/internal/edn"
	"eddy/internal/netsim"
	"eddy/internal/report"
	"eddy/internal/store"
)

const runnerThread = "jepsen test runner"

// Run executes one test and reports how it ended. Errors that end a run
// early (init or topology failure, a crashed node, an interrupt) are logged
// and turned into the exit code; Run itself never leaves a node running.
func Run(ctx context.Context, cfg Config, out *console.Console) Result {
	return start(ctx, cfg, out, processLauncher(cfg, out), true)
}

// start creates the run's store directory, tees the log into it and runs
// the test with launch starting the nodes. preciseTimers is off only in
// tests that run inside a synctest bubble (see netsim.Options).
func start(ctx context.Context, cfg Config, out *console.Console, launch launcher, preciseTimers bool) Result {
	dir, err := store.Create(cfg.StoreRoot, "broadcast", time.Now())
	if err != nil {
		out.Warn(runnerThread, "jepsen.cli", "Test crashed!\n"+err.Error())
		return Result{ExitCode: ExitCrashed}
	}
	logFile, err := os.Create(dir.File("jepsen.log"))
	closeLog := func() {}
	if err == nil {
		out.SetLogFile(logFile)
		closeLog = sync.OnceFunc(func() {
			out.SetLogFile(nil)
			logFile.Close()
		})
		defer closeLog()
	}
	res := execute(ctx, cfg, out, dir, launch, preciseTimers)
	res.Dir = dir.Path()
	_ = dir.MarkLatest()
	if cfg.GzipStore {
		closeLog() // the log is one of the files compressed
		if err := dir.Gzip(report.Gzipped...); err != nil {
			out.Warn(runnerThread, "eddy", "Could not gzip the store: "+err.Error())
		}
	}
	return res
}

// execute wires the run's parts together and runs the phases in order
// (see the package doc): setup, topology, the workload, the history,
// teardown, then analysis. Each phase is a function of the parts it uses;
// execute owns them all and is the only place that sees every one.
func execute(ctx context.Context, cfg Config, out *console.Console, dir *store.Dir, launch launcher, preciseTimers bool) Result {
	out.Info(runnerThread, "eddy", fmt.Sprintf("seed %d (replay with --seed %d)", cfg.Seed, cfg.Seed))
	rng := newRngs(cfg.Seed)
	net, err := netsim.New(netsim.Options{
		Latency: cfg.Latency, Rand: rng.latency,
		OnSend:        netLogger(out, cfg.LogNetSend, ":send"),
		OnRecv:        netLogger(out, cfg.LogNetRecv, ":recv"),
		PreciseTimers: preciseTimers,
	})
	if err != nil {
		return crashed(ctx, out, err)
	}
	journalFile, err := os.Create(dir.File("net-journal.jsonl"))
	if err != nil {
		return crashed(ctx, out, err)
	}
	defer journalFile.Close()
	net.SetJournalSink(journalFile)

	rec := newRecorder(out)
	cl := newCluster(net, out, cfg, launch, filepath.Join(dir.Path(), "node-logs"))
	nem := newNemesis(cfg, net, cl, rec, out, rng)
	prog := newProgress()
	view := statusView{clock: net, limit: cfg.TimeLimit, ops: &rec.invokes}
	if cfg.Faults.Partition {
		view.partition = nem.partition
	}
	if cfg.Faults.Process() {
		view.down = cl.downText
	}
	defer startStatus(out, func() string { return prog.text(view) })()

	torn := false
	tearDown := func() error {
		torn = true
		prog.set("teardown")
		return cl.tearDown()
	}
	// Whatever goes wrong below, every node is killed before Run returns.
	defer func() {
		if !torn {
			cl.killAll()
			_ = tearDown()
			_ = net.FlushJournal()
		}
	}()

	if err := setUpDB(ctx, out, cl); err != nil {
		return crashed(ctx, out, err)
	}
	net.MarkZero()
	prog.zeroed.Store(true)
	setupClients, err := sendTopology(ctx, net, cfg.Topology, cfg.Nodes)
	if err != nil {
		return crashed(ctx, out, fmt.Errorf("topology failed: %w", err))
	}
	out.Info(runnerThread, "jepsen.core", "Run starting")
	err = workload(ctx, cfg, out, net, rec, rng, nem, prog)
	closeClients(setupClients)
	net.Heal()
	if err != nil {
		return crashed(ctx, out, err)
	}

	out.Info(runnerThread, "jepsen.core", "Run complete, writing")
	h := rec.history()
	if err := dir.WriteHistory(h); err != nil {
		return crashed(ctx, out, err)
	}
	crash := tearDown()
	out.Info(runnerThread, "maelstrom.net", "Shutting down Maelstrom network")
	if err := net.FlushJournal(); err != nil {
		return crashed(ctx, out, err)
	}
	if crash != nil {
		return crashed(ctx, out, crash)
	}
	return conclude(ctx, out, dir, cfg, h, net, cl.usages(), cl.muteNodes())
}

// crashed logs a run that ended without analysis, as Jepsen logs a crashed
// test, and picks its exit code. An error caused by an interrupt is
// reported as the interrupt.
func crashed(ctx context.Context, out *console.Console, err error) Result {
	if errors.Is(err, errInterrupted) || ctx.Err() != nil {
		out.Warn(runnerThread, "eddy", "Interrupted; every node was killed.")
		return Result{ExitCode: ExitInterrupted}
	}
	out.Warn(runnerThread, "jepsen.cli", "Test crashed!\n"+err.Error())
	return Result{ExitCode: ExitCrashed}
}

// netLogger returns the --log-net-send / --log-net-recv hook, or nil.
func netLogger(out *console.Console, enabled bool, verb string) func(netsim.Message) {
	if !enabled {
		return nil
	}
	return func(m netsim.Message) {
		msg := edn.Record{Tag: "maelstrom.net.message.Message", Fields: edn.Map{
			edn.KV("id", edn.Int(m.ID)),
			edn.KV("src", edn.String(m.Src)),
			edn.KV("dest", edn.String(m.Dest)),
			edn.KV("body", edn.FromJSON(m.Body, 1)),
		}}
		out.Info(m.Src, "maelstrom.net", verb+" "+edn.Compact(msg))
	}
}
