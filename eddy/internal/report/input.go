package report

import (
	"eddy/internal/faults"
	"eddy/internal/history"
	"eddy/internal/summary"
)

// Input is what Write needs from a finished, analysed run.
type Input struct {
	// Dir is the run directory: net-journal.jsonl is read from it and every
	// output is written into it.
	Dir string

	// History is the run's complete history; each client op names the
	// node it went to.
	History history.History

	// Nodes are the run's nodes, in order.
	Nodes []string

	// Faults is the run's fault timeline, read from the same history.
	Faults *faults.Timeline

	// Run is the digest of the results, the limit and the cost: every
	// figure the page shows. ResultsEDN is the full results map as printed.
	Run        summary.Run
	ResultsEDN string

	// Parameters is one line describing the test (its command-line
	// options), shown under the title.
	Parameters string

	// Gzip says the run's big text files (store.Gzipped) will be compressed
	// once the run is over, so the page links them by their .gz names.
	Gzip bool
}
