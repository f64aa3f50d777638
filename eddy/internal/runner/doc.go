// Package runner runs one Maelstrom broadcast test end to end: it starts the
// nodes, drives the workload and the nemesis (partitions, kills, pauses)
// over the simulated network, records the history, tears everything down,
// and hands the history and network counts to the checker.
//
// The contract, phase by phase (semantics §1.8, §2.2, §3, §5, §9, §12):
//
//  1. Store: store/broadcast/<start>/ is created first; every log line is
//     teed to its jepsen.log.
//  2. DB setup: services are registered, then every node in parallel is
//     registered, launched and sent init by a one-shot client (c0…c(N-1),
//     10 s). Any init failure aborts the run (exit 255).
//  3. The relative clock starts (history time 0); one setup client per node
//     sends topology in parallel (cN…c(2N-1), 5 s). Failure aborts.
//  4. Main phase: a single global stagger schedule hands ops to the first
//     free worker from a rotating index, alongside the nemesis thread,
//     until first-op time + time limit; in-flight ops then finish. An op
//     is invoked when it is actually issued and the next gap starts then,
//     so a late wake-up costs ops rather than causing a burst. The nemesis
//     thread carries out one op at a time from nemesis.Schedule:
//     partitions on the network; kills (SIGKILL, the node's delivery loop
//     ended, its queue left to pile up), starts (a fresh queue, a new
//     process, init from a new client), pauses and resumes (SIGSTOP and
//     SIGCONT, the loop writing on) on the cluster. A node id outlives its
//     processes; each process gets its own stdout reader, and a line the
//     network refuses mutes that process (§1.6), recorded for the summary.
//  5. Final phase: the nemesis's final generator (stop-partition, resume
//     all, start all, for the faults enabled), "Waiting for recovery...",
//     the recovery wait, one final read per worker in random order.
//  6. Clients close, the history is written, the nodes' delivery loops
//     hand over nothing more, and every node's current process is
//     SIGKILLed (paused ones too); a process that had exited on its own,
//     found now or by an earlier kill, is a crash (exit 255, no analysis).
//  7. Analysis, results files (faults.json among them), the results map,
//     the verdict, then eddy's closing summary: node cost (all of a node's
//     processes as one node), faults and mute nodes, and a scheduling-lag
//     line that warns when lag p99 is over 5 % of the latency.
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
