// Package summary is the typed digest of a finished run: the figures a
// reader looks for first, taken from the checker's results, the limit, the
// nodes' resource use, the process faults and mute nodes, and eddy's own
// scheduling lag. The report builds its
// page from a Run, and the runner ends every run by printing Run.Text after
// the verdict.
//
// The contract: Of only copies figures out of typed values (no JSON, no
// string keys), so a renamed field is a compile error rather than a
// silently empty cell. Text is a few short lines, each prefixed "eddy:".
// CostOf and Cost.JSON are the cost.json figures; FaultsOf and Faults.JSON
// the faults.json ones; LagOf and Lag.Trusted
// hold the rule (p99 within 5 % of the latency) that lag.json's "trusted"
// and the summary's warning share. Nothing here does I/O.
package summary
