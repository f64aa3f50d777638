// Package bench runs eddy on rumor and holds the results to the project's
// targets. It reads each run's figures back from its store directory
// (results.json; limit.json for the limit and the excess; cost.json for
// node CPU and memory; faults.json for kills, pauses and mute nodes), checks them against a scenario's targets, prints
// the tables of cmd/bench and cmd/scale, and draws the frontier and scale
// plots.
//
// The contract: a run is one eddy process, started with the arguments given
// and waited for; its figures come from the store directory eddy names in
// its "Wrote …/results.edn" line, never from store/latest, so runs started
// by anything else at the same time cannot be mixed up with it. Every
// scenario requires each run valid with nothing lost; each target is a
// ceiling on one figure, held either on every seed (the worst run decides)
// or on the median over seeds (of an even count, the mean of the two
// middle runs). A figure a run did not record (real Maelstrom writes no
// limit.json or cost.json) misses its target rather than passing it. The
// package writes only to the writers and paths it is given.
package bench
