// Package runner runs one Maelstrom broadcast test end to end: it starts the
// nodes, drives the workload and the partition nemesis over the simulated
// network, records the history, tears everything down, and hands the
// history and network counts to the checker.
//
// The contract, phase by phase (semantics §1.8, §2.2, §3, §5, §9):
//
//  1. Store: store/broadcast/<start>/ is created first; every log line is
//     teed to its jepsen.log.
//  2. DB setup: services are registered, then every node in parallel is
//     registered, launched and sent init by a one-shot client (c0…c(N-1),
//     10 s). Any init failure aborts the run (exit 255).
//  3. The relative clock starts (history time 0); one setup client per node
//     sends topology in parallel (cN…c(2N-1), 5 s). Failure aborts.
//  4. Main phase: a single global stagger schedule hands ops to the first
//     free worker from a rotating index, alongside the nemesis schedule,
//     until first-op time + time limit; in-flight ops then finish. An op
//     is invoked when it is actually issued and the next gap starts then,
//     so a late wake-up costs ops rather than causing a burst.
//  5. Final phase: stop-partition (with --nemesis partition), "Waiting for
//     recovery...", the recovery wait, one final read per worker in random
//     order.
//  6. Clients close, the history is written, every node is SIGKILLed; a
//     node that had exited already is a crash (exit 255, no analysis).
//  7. Analysis, results files, the results map, the verdict, then eddy's
//     node-cost line and the closing summary, whose scheduling-lag line
//     warns when lag p99 is over 5 % of the latency.
//
// Shape: there is no run object. execute (run.go) builds the run's parts —
// network, recorder, cluster, worker pool, client schedule, nemesis — and
// calls each phase as a function of the parts it uses (setUpDB,
// sendTopology, workload → mainPhase and finalPhase, conclude). The parts
// hold only what they need and never a pointer back to the run; the
// context is always a parameter, never a field.
//
// Whatever happens — success, harness error, a cancelled context (Ctrl-C) —
// no node process outlives Run.
package runner
