package runner

import (
	"context"
	"os"

	"eddy/internal/checker"
	"eddy/internal/console"
	"eddy/internal/history"
	"eddy/internal/limit"
	"eddy/internal/netsim"
	"eddy/internal/proc"
	"eddy/internal/store"
	"eddy/internal/summary"
)

// analyse hands the history and the journal's counts to the checker. It is
// the one place the runner meets the analysis side.
func analyse(h history.History, counts netsim.Counts, availability string) *checker.Results {
	group := func(g netsim.Group) checker.NetGroup {
		return checker.NetGroup{SendCount: g.SendCount, RecvCount: g.RecvCount, MsgCount: g.MsgCount}
	}
	net := checker.NetCounts{All: group(counts.All), Clients: group(counts.Clients), Servers: group(counts.Servers)}
	return checker.Check(h, net, checker.Options{Availability: availability})
}

// conclude is the analysis step of a run that completed: the checker and
// the limit, the results files (lag.json and faults.json among them; mute
// is the nodes eddy stopped reading), the report, the
// results map and verdict, and last the run's summary, which carries the
// node cost, the lag and its warning.
func conclude(ctx context.Context, out *console.Console, dir *store.Dir, cfg Config, h history.History, net *netsim.Network, usages []proc.Usage, mute []string) Result {
	out.Info(runnerThread, "jepsen.core", "Analyzing...")
	results := analyse(h, net.Counts(), cfg.Availability)
	lim := limit.Compute(h, results.Workload, limit.Network{Nodes: cfg.Nodes, Concurrency: cfg.Concurrency, Hop: limit.HopFor(cfg.Latency)})
	out.Info(runnerThread, "jepsen.core", "Analysis complete")
	resultsEDN := results.EDN()
	if err := os.WriteFile(dir.File("results.edn"), []byte(resultsEDN), 0o644); err != nil {
		return crashed(ctx, out, err)
	}
	raw, err := results.MarshalJSON()
	if err == nil {
		_ = os.WriteFile(dir.File("results.json"), append(raw, '\n'), 0o644)
	}
	_ = os.WriteFile(dir.File("limit.json"), lim.JSON(), 0o644)
	out.Info(runnerThread, "jepsen.store", "Wrote "+dir.File("results.edn"))
	verdict, code := results.Verdict()
	cost := summary.CostOf(usages, h)
	stats := net.Lag()
	lag := lagOf(stats, cfg.Latency)
	writeLag(dir, stats, lag)
	run := summary.Of(results, verdict, &lim, cost, &lag, dir.File("index.html"))
	run.Faults = summary.FaultsOf(h, mute)
	_ = os.WriteFile(dir.File("faults.json"), run.Faults.JSON(), 0o644)
	writeReport(out, dir, cfg, h, run, resultsEDN)
	out.Info(runnerThread, "jepsen.core", resultsEDN+"\n\n"+verdict)
	writeCost(dir, cost)
	out.Print(run.Text())
	return Result{ExitCode: code, Lag: stats}
}
