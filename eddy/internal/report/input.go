package report

import "eddy/internal/history"

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

	// Results is the results map as JSON (results.json), ResultsEDN the
	// same map as printed, Verdict the closing verdict line.
	Results    []byte
	ResultsEDN string
	Verdict    string

	// Summary is one line describing the test, shown under the title.
	Summary string
}

// nodeOf is the node a worker process talked to, or "" if unknown.
func (in *Input) nodeOf(process int) string {
	if in.Concurrency <= 0 || len(in.Nodes) == 0 || process < 0 {
		return ""
	}
	return in.Nodes[(process%in.Concurrency)%len(in.Nodes)]
}
