// Package bench holds eddy's runs of a node to the project's targets: the
// scenarios (a command line, a seed count and targets), the figures a run
// is judged by, the verdicts, and the count of hub failovers away from a
// reachable hub. Package benchrun starts the runs and reads them back,
// benchtable prints the tables, benchplot draws the plots.
//
// The contract: everything here is pure (no I/O, no processes). A run's
// Figures are the typed values package store reads back from its
// directory, never a number defaulted to 0: a figure a run did not record
// (no client operations, so no msgs-per-op; no stable value; no
// limit.json or cost.json) reads as missing, and a target on a missing
// figure is missed with a message that says it is missing and why. Each
// target is a ceiling on one figure, held either on every seed (the worst
// run decides) or on the median over seeds (of an even count, the mean of
// the two middle runs).
//
// Validity. Every scenario requires every run valid with nothing lost,
// except the process-fault scenarios, whose validity is stated honestly:
// "0 lost on every seed" (a hard target) and "valid on every seed on which
// at least one broadcast was acknowledged". The kill nemesis can take every
// node down at once before any broadcast is acknowledged and start them
// again only seconds later, so the checker has nothing stable to judge
// (:unknown, or :stats false) for any node however durable; such a seed is
// listed by number under its table as "no broadcast acknowledged: validity
// not judged", and left out of the targets whose figure it lacks for that
// reason. A seed on which some broadcast was acknowledged is never excused;
// nor is a crashed run.
//
// Hub failovers. The node under test may report each change of its hub on
// stderr; eddy reads these lines from the run's node logs, and never
// imports the node. The contract, which rumor follows: every stderr line
// the node writes begins with the wall-clock time in RFC 3339, UTC, with
// nanoseconds, a space, then "rumor: "; a hub change is
//
//	2026-12-03T17:03:59.190123456Z rumor: hub n3 -> n5: failover
//
// that is "rumor: hub <old> -> <new>: <reason>", where reason "failover"
// means the node gave up on a hub that did not answer (other reasons, such
// as "failback", are not failovers and are not counted). A failover is
// away from a reachable hub when, at its moment (its wall-clock time less
// the run's start, run.json, gives its history time), the node and its old
// hub could hear each other (the partition in force, if any, dropped
// nothing between them and neither was down, killed or paused, by the
// fault timeline read from the run's history, package faults), and the
// last message the node sent that hub before it was not dropped (by the
// run's network journal): the hub heard what the node last asked and the
// node gave up on it all the same, which is what a timeout too short for
// an honest hub does. A failover whose last message a cut dropped answers
// that loss, even when the cut healed before the node gave up: its
// evidence came from the cut, and the heal could not reach it sooner than
// a message across it. Without a journal the moment alone decides. A node
// that writes no such lines has 0 failovers of either kind.
package bench
