// Package faults is a run's fault timeline: every partition the nemesis
// installed (with its grudge), every kill and pause (with the nodes it hit)
// and, per node, the spans during which it was down, all read from the
// history's nemesis ops. The limit, the report, the summary's fault counts
// and the benchmarks' failover check all read faults through one Timeline,
// so they cannot disagree about when a fault was in force.
//
// The one rule for interval boundaries: a fault is in force from the
// completion of the nemesis op that began it (inclusive) to the completion
// of the op that ended it (exclusive). The completion is when the nemesis
// has acted: a start-partition's completion carries the grudge it
// installed, a stop-partition's the heal; a kill's or pause's completion
// reports the nodes it took down, a start's the nodes that answered init
// again, a resume's the nodes sent SIGCONT. A fault that nothing ended
// before the history stops stays in force to the end (To is Open).
//
// Per node, a kill or a crash takes it down until a start reports it
// started (or already running, for a node that was only killed); a pause
// until a resume reports it resumed. A node killed while paused stays down
// until it is started; a node resumed while killed stays down; a node
// whose process exited on its own (crashed) stays down for good; a start
// or resume that failed (its completion carries an error, not outcomes)
// brings nothing back.
//
// The contract: Of is pure and deterministic (no clock, no I/O; nodes are
// visited in the order given, then by name); the nemesis carries out one
// op at a time, so its entries alternate invocation and completion, which
// is how Of tells them apart (both are :info).
package faults
