// Package benchrun runs eddy for the benchmark commands (cmd/bench,
// cmd/scale, cmd/frontier) and reads each run back as bench.Figures.
//
// The contract: a run is one eddy process, started with the arguments
// given plus --store-path-file, and waited for; eddy writes the absolute
// path of the store directory it used into that file, so the run's figures
// come from exactly that directory, never from store/latest or from its
// console output, and runs started by anything else at the same time
// cannot be mixed up with it. Every figure is read through package store:
// results.json, run.json, limit.json, cost.json, faults.json, and for the
// hub failovers history.edn and node-logs/ (see package bench). This needs
// eddy: real Maelstrom takes no --store-path-file and writes none of these
// files but the results. The package writes only to the writers and paths
// it is given, and a temporary file it removes.
package benchrun
