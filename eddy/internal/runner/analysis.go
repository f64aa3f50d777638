package runner

import (
	"context"
	"time"

	"eddy/internal/analysis"
	"eddy/internal/console"
	"eddy/internal/history"
	"eddy/internal/netsim"
	"eddy/internal/proc"
	"eddy/internal/store"
	"eddy/internal/summary"
)

// conclude is the end of a run that completed: the analysis (a pure
// function of the history and the journal), then persistence (every
// results file, through store), then rendering (the page, the results map
// and verdict, and the closing summary). start is the wall-clock moment of
// history time 0; mute the nodes eddy stopped reading.
func conclude(ctx context.Context, out *console.Console, dir *store.Dir, cfg Config, h history.History, net *netsim.Network, start time.Time, usages []proc.Usage, mute []string) Result {
	out.Info(runnerThread, "jepsen.core", "Analyzing...")
	a := analysis.Analyse(analysis.Input{
		History: h, Net: net.Counts(), Lag: net.Lag(), HeadOfLine: net.HeadOfLine(),
		Nodes: cfg.Nodes, Latency: cfg.Latency, Availability: cfg.Availability,
		Usages: usages, Mute: mute,
	})
	out.Info(runnerThread, "jepsen.core", "Analysis complete")
	if err := dir.WriteResults(a.Results); err != nil {
		return crashed(ctx, out, err)
	}
	_ = dir.WriteLimit(a.Limit)
	out.Info(runnerThread, "jepsen.store", "Wrote "+dir.File(store.ResultsEDNFile))
	_ = dir.WriteLag(a.Lag)
	_ = dir.WriteFaults(a.Faults)
	_ = dir.WriteRun(store.RunRecord{
		Test: "broadcast", Start: start, Seed: cfg.Seed, Nodes: cfg.Nodes, Concurrency: cfg.Concurrency,
		Parameters: parameters(cfg), Ops: a.Ops,
	})
	run := summary.Of(&a, dir.File("index.html"))
	resultsEDN := store.ResultsEDN(a.Results)
	writeReport(out, dir, cfg, h, &a, run, resultsEDN)
	verdict, code := a.Results.Verdict()
	out.Info(runnerThread, "jepsen.core", resultsEDN+"\n\n"+verdict)
	if a.Cost != nil {
		// Eddy's own figure, which Maelstrom does not have; written after
		// the page, as it always was.
		_ = dir.WriteCost(*a.Cost)
	}
	out.Print(run.Text())
	return Result{ExitCode: code, Lag: a.Lag}
}
