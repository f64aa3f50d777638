// Package analysis turns a finished run into typed results: the checker's
// results map, the fault timeline, the limit and the excess, the process
// fault counts, the nodes' cost and eddy's own scheduling lag.
//
// The contract: Analyse is a pure function of its Input (the history, the
// network journal's counts and lag samples, and what the cluster reports
// of the node processes): no clock, no goroutines, no I/O. Every figure is
// computed once, here; persistence (package store) writes these values,
// rendering (packages summary and report) draws them, and both take them
// as they are. The op count is the one the checker's msgs-per-op divides
// by, and CPU per 1000 ops divides by the same count.
package analysis
