package runner

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"eddy/internal/console"
	"eddy/internal/edn"
	"eddy/internal/netsim"
	"eddy/internal/rpc"
	"eddy/internal/store"
)

// run is one test in progress.
type run struct {
	cfg Config
	out *console.Console
	ctx context.Context
	rng rngs

	dir     *store.Dir
	net     *netsim.Network
	cluster *cluster
	hist    recorder
	nemesis *partitioner

	setupMu      sync.Mutex
	setupClients []*rpc.Client

	// launch starts one node; launchProcess unless a test substitutes it.
	launch func(c *cluster, id string, member *netsim.Member) (nodeProcess, error)

	phase  atomic.Value // string, for the status line
	zeroed atomic.Bool  // the relative clock has started
}

func (r *run) info(thread, logger, msg string) { r.out.Info(thread, logger, msg) }

const runnerThread = "jepsen test runner"

// Run executes one test and reports how it ended. Errors that end a run
// early (init or topology failure, a crashed node, an interrupt) are logged
// and turned into the exit code; Run itself never leaves a node running.
func Run(ctx context.Context, cfg Config, out *console.Console) Result {
	return start(ctx, cfg, out, launchProcess)
}

func start(ctx context.Context, cfg Config, out *console.Console, launch func(*cluster, string, *netsim.Member) (nodeProcess, error)) Result {
	r := &run{cfg: cfg, out: out, ctx: ctx, rng: newRngs(cfg.Seed), launch: launch}
	r.nemesis = &partitioner{r: r}
	r.phase.Store("setup")
	dir, err := store.Create(cfg.StoreRoot, "broadcast", time.Now())
	if err != nil {
		out.Warn(runnerThread, "jepsen.cli", "Test crashed!\n"+err.Error())
		return Result{ExitCode: ExitCrashed}
	}
	r.dir = dir
	logFile, err := os.Create(dir.File("jepsen.log"))
	if err == nil {
		out.SetLogFile(logFile)
		defer func() {
			out.SetLogFile(nil)
			logFile.Close()
		}()
	}
	res := r.execute()
	res.Dir = dir.Path()
	_ = dir.MarkLatest()
	return res
}

func (r *run) execute() Result {
	cfg := r.cfg
	r.info(runnerThread, "eddy", fmt.Sprintf("seed %d (replay with --seed %d)", cfg.Seed, cfg.Seed))
	net, err := netsim.New(netsim.Options{
		Latency: cfg.Latency, Rand: r.rng.latency,
		OnSend: r.netLogger(cfg.LogNetSend, ":send"),
		OnRecv: r.netLogger(cfg.LogNetRecv, ":recv"),
	})
	if err != nil {
		return r.crashed(err)
	}
	r.net = net
	journalFile, err := os.Create(r.dir.File("net-journal.jsonl"))
	if err != nil {
		return r.crashed(err)
	}
	defer journalFile.Close()
	net.SetJournalSink(journalFile)

	stopStatus := make(chan struct{})
	var statusDone sync.WaitGroup
	statusDone.Add(1)
	go func() { defer statusDone.Done(); r.statusLoop(stopStatus) }()
	defer func() { close(stopStatus); statusDone.Wait() }()

	r.cluster = newCluster(r)
	torn := false
	tearDown := func() error {
		torn = true
		r.phase.Store("teardown")
		return r.cluster.tearDown()
	}
	// Whatever goes wrong below, every node is killed before Run returns.
	defer func() {
		if !torn {
			r.cluster.killAll()
			_ = tearDown()
			_ = net.FlushJournal()
		}
	}()

	r.info(runnerThread, "jepsen.db", "Tearing down DB")
	r.info(runnerThread, "jepsen.db", "Setting up DB")
	r.info("jepsen node "+cfg.Nodes[0], "maelstrom.net", "Starting Maelstrom network")
	if err := r.cluster.startServices(); err != nil {
		return r.crashed(err)
	}
	if err := r.cluster.setUpAll(); err != nil {
		return r.crashed(r.orInterrupted(err))
	}

	net.MarkZero()
	r.zeroed.Store(true)
	if err := r.sendTopology(); err != nil {
		return r.crashed(r.orInterrupted(fmt.Errorf("topology failed: %w", err)))
	}
	r.info(runnerThread, "jepsen.core", "Run starting")

	p := newPool(r)
	err = r.mainPhase(r.ctx, p)
	if err == nil {
		err = r.finalPhase(r.ctx, p)
	}
	p.stop()
	r.closeSetupClients()
	net.Heal()
	if err != nil {
		return r.crashed(err)
	}

	r.info(runnerThread, "jepsen.core", "Run complete, writing")
	h := r.hist.history()
	if err := r.dir.WriteHistory(h); err != nil {
		return r.crashed(err)
	}
	crash := tearDown()
	r.info(runnerThread, "maelstrom.net", "Shutting down Maelstrom network")
	if err := net.FlushJournal(); err != nil {
		return r.crashed(err)
	}
	if crash != nil {
		return r.crashed(crash)
	}

	r.info(runnerThread, "jepsen.core", "Analyzing...")
	results := analyse(h, net.Counts(), cfg.Availability)
	r.info(runnerThread, "jepsen.core", "Analysis complete")
	resultsEDN := results.EDN()
	if err := os.WriteFile(r.dir.File("results.edn"), []byte(resultsEDN), 0o644); err != nil {
		return r.crashed(err)
	}
	raw, err := results.MarshalJSON()
	if err == nil {
		_ = os.WriteFile(r.dir.File("results.json"), append(raw, '\n'), 0o644)
	}
	r.info(runnerThread, "jepsen.store", "Wrote "+r.dir.File("results.edn"))
	verdict, code := results.Verdict()
	r.writeReport(h, raw, resultsEDN, verdict)
	r.info(runnerThread, "jepsen.core", resultsEDN+"\n\n"+verdict)
	lag := net.Lag()
	r.reportLag(lag)
	r.reportCost(h)
	return Result{ExitCode: code, Lag: lag}
}

// orInterrupted prefers reporting an interrupt over the errors it caused.
func (r *run) orInterrupted(err error) error {
	if r.ctx.Err() != nil {
		return errInterrupted
	}
	return err
}

// crashed logs a run that ended without analysis, as Jepsen logs a crashed
// test, and picks its exit code.
func (r *run) crashed(err error) Result {
	if errors.Is(err, errInterrupted) || r.ctx.Err() != nil {
		r.out.Warn(runnerThread, "eddy", "Interrupted; every node was killed.")
		return Result{ExitCode: ExitInterrupted}
	}
	r.out.Warn(runnerThread, "jepsen.cli", "Test crashed!\n"+err.Error())
	return Result{ExitCode: ExitCrashed}
}

// reportLag prints eddy's scheduling-lag line beside (after) the verdict and
// stores the same figures in lag.json. See netsim.LagStats for what is
// measured.
func (r *run) reportLag(lag netsim.LagStats) {
	r.out.Print(fmt.Sprintf("eddy: scheduling lag p50=%s p99=%s max=%s (%d deliveries; timer wake-ups p50=%s p99=%s max=%s)\n",
		lag.P50, lag.P99, lag.Max, lag.Samples, lag.Timer.P50, lag.Timer.P99, lag.Timer.Max))
	raw, _ := json.MarshalIndent(map[string]any{
		"deliveries":    map[string]int64{"samples": int64(lag.Samples), "p50_ns": lag.P50.Nanoseconds(), "p99_ns": lag.P99.Nanoseconds(), "max_ns": lag.Max.Nanoseconds()},
		"timer_wakeups": map[string]int64{"samples": int64(lag.Timer.Samples), "p50_ns": lag.Timer.P50.Nanoseconds(), "p99_ns": lag.Timer.P99.Nanoseconds(), "max_ns": lag.Timer.Max.Nanoseconds()},
	}, "", "  ")
	_ = os.WriteFile(r.dir.File("lag.json"), append(raw, '\n'), 0o644)
}

// netLogger returns the --log-net-send / --log-net-recv hook, or nil.
func (r *run) netLogger(enabled bool, verb string) func(netsim.Message) {
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
		r.info(m.Src, "maelstrom.net", verb+" "+edn.Compact(msg))
	}
}
