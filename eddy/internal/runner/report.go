package runner

import (
	"fmt"
	"strings"

	"eddy/internal/history"
	"eddy/internal/report"
)

// writeReport draws the run's plots, Lamport diagram and index.html. It
// runs after the results files are written; a failure is logged as a
// warning and changes nothing else, so the verdict and exit code stand.
func (r *run) writeReport(h history.History, resultsJSON []byte, resultsEDN, verdict string) {
	err := report.Write(report.Input{
		Dir: r.dir.Path(), History: h,
		Nodes: r.cfg.Nodes, Concurrency: r.cfg.Concurrency,
		Results: resultsJSON, ResultsEDN: resultsEDN, Verdict: verdict,
		Summary: r.summary(),
	})
	if err != nil {
		r.out.Warn(runnerThread, "eddy.report", "Some of the report could not be written: "+err.Error())
	}
}

// summary is the test's parameters, spelled as the command-line options.
func (r *run) summary() string {
	c := r.cfg
	parts := []string{
		fmt.Sprintf("--node-count %d", len(c.Nodes)),
		fmt.Sprintf("--time-limit %g", c.TimeLimit.Seconds()),
		fmt.Sprintf("--rate %g", c.Rate),
		fmt.Sprintf("--latency %d --latency-dist %s", c.Latency.MeanMillis, c.Latency.Dist),
		fmt.Sprintf("--concurrency %d", c.Concurrency),
		"--topology " + c.Topology,
	}
	if c.Partition {
		parts = append(parts, fmt.Sprintf("--nemesis partition --nemesis-interval %g", c.NemesisInterval))
	}
	parts = append(parts, fmt.Sprintf("--seed %d", c.Seed))
	if len(c.Args) > 0 {
		parts = append(parts, "-- "+strings.Join(c.Args, " "))
	}
	return strings.Join(parts, " ")
}
