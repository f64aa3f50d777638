// Package summary is the typed digest of a finished run and the closing
// summary eddy prints: the figures a reader looks for first, taken from the
// run's analysis (the checker's results, the limit, the nodes' cost, the
// process faults and mute nodes, and eddy's own scheduling lag). The report
// builds its page from a Run, and the runner ends every run by printing
// Run.Text after the verdict.
//
// The contract: Of only copies figures out of typed values (no JSON, no
// string keys), so a renamed field is a compile error rather than a
// silently empty cell. Text is a few short lines, each prefixed "eddy:".
// Nothing here computes a figure or does I/O.
package summary
