// Package bench runs eddy on rumor and gathers the figures the efficiency
// targets are stated in: `:servers` msgs-per-op and the median and maximum
// stable latency, read back from each run's results.json, and the excess
// over the limit from its limit.json.
//
// The contract: a run is one eddy process, started with the arguments given
// and waited for; its figures come from the store directory eddy names in
// its "Wrote …/results.edn" line, never from store/latest, so runs started by
// anything else at the same time cannot be mixed up with it. Summaries are
// medians with their ranges, computed in the order runs are given. The
// package does no plotting and prints nothing itself.
package bench
