package runner

import (
	"fmt"
	"strings"

	"eddy/internal/console"
	"eddy/internal/history"
	"eddy/internal/report"
	"eddy/internal/store"
	"eddy/internal/summary"
)

// writeReport draws the run's plots, Lamport diagram and index.html. It
// runs after the results files are written; a failure is logged as a
// warning and changes nothing else, so the verdict and exit code stand.
func writeReport(out *console.Console, dir *store.Dir, cfg Config, h history.History, run summary.Run, resultsEDN string) {
	err := report.Write(report.Input{
		Dir: dir.Path(), History: h,
		Nodes: cfg.Nodes, Concurrency: cfg.Concurrency,
		Run: run, ResultsEDN: resultsEDN,
		Parameters: parameters(cfg), Gzip: cfg.GzipStore,
	})
	if err != nil {
		out.Warn(runnerThread, "eddy.report", "Some of the report could not be written: "+err.Error())
	}
}

// parameters is the test's parameters, spelled as the command-line options.
func parameters(c Config) string {
	parts := []string{
		fmt.Sprintf("--node-count %d", len(c.Nodes)),
		fmt.Sprintf("--time-limit %g", c.TimeLimit.Seconds()),
		fmt.Sprintf("--rate %g", c.Rate),
		fmt.Sprintf("--latency %d --latency-dist %s", c.Latency.MeanMillis, c.Latency.Dist),
		fmt.Sprintf("--concurrency %d", c.Concurrency),
		"--topology " + c.Topology,
	}
	if c.Faults.Any() {
		parts = append(parts, fmt.Sprintf("--nemesis %s --nemesis-interval %g", c.Faults, c.NemesisInterval))
	}
	parts = append(parts, fmt.Sprintf("--seed %d", c.Seed))
	if len(c.Args) > 0 {
		parts = append(parts, "-- "+strings.Join(c.Args, " "))
	}
	return strings.Join(parts, " ")
}
