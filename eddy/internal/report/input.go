package report

import (
	"eddy/internal/history"
	"eddy/internal/summary"
)

// Input is what Write needs from a finished, analysed run.
type Input struct {
	// Dir is the run directory: net-journal.jsonl is read from it and every
	// output is written into it.
	Dir string

	// History is the run's complete history.
	History history.History

	// Nodes and Concurrency say which node each process talked to: worker
	// process p belongs to worker p mod Concurrency, and worker w always
	// talks to Nodes[w mod len(Nodes)].
	Nodes       []string
	Concurrency int

	// Run is the digest of the results, the limit and the cost: every
	// figure the page shows. ResultsEDN is the full results map as printed.
	Run        summary.Run
	ResultsEDN string

	// Parameters is one line describing the test (its command-line
	// options), shown under the title.
	Parameters string

	// Gzip says the run's big text files (Gzipped) will be compressed
	// once the run is over, so the page links them by their .gz names.
	Gzip bool
}

// nodeOf is the node a worker process talked to, or "" if unknown.
func (in *Input) nodeOf(process int) string {
	if in.Concurrency <= 0 || len(in.Nodes) == 0 || process < 0 {
		return ""
	}
	return in.Nodes[(process%in.Concurrency)%len(in.Nodes)]
}
