package main

const helpText = `eddy: Maelstrom's broadcast test, without the JVM.

Usage:
  eddy test --bin BIN [options] [--] [node args]
  eddy serve [--port 8080]    browse store/ at http://localhost:PORT/

Options (defaults are Maelstrom's):
  -w, --workload NAME         broadcast, the default and the only workload
                              eddy runs (Maelstrom's default is lin-kv, so
                              scripts written for Maelstrom pass -w broadcast)
  --bin FILE                  node binary (required; checked before the run)
  --node-count N              run N nodes, named n0 to n(N-1); without it,
                              5 nodes named n1 to n5 (Jepsen's default list)
  --time-limit S              seconds of workload, default 60
  --rate R                    total ops/s, default 5; 0 = no client ops
  --latency MS                mean server-to-server latency, default 0
  --latency-dist D            constant (default), uniform, exponential
  --nemesis F[,F...]          faults to inject: partition (cut the network),
                              kill (SIGKILL nodes, start them again later),
                              pause (SIGSTOP nodes, SIGCONT them later)
  --nemesis-interval S        mean seconds between nemesis ops, default 10
                              (partitions and process faults each keep it)
  --topology T                grid (default), line, tree, tree2, tree3, tree4, total
  --concurrency N|Nn          workers, default 1n (one per node)
  --availability total|F      availability goal for the checker
  --log-stderr                echo node stderr to the console
  --log-net-send              log every message sent
  --log-net-recv              log every message delivered
  --test-count N              repeat, stopping at the first non-valid run
  --seed N                    seed every random choice (printed if not given)
  --recovery-wait S           eddy only: seconds before the final reads, default 10
  --gzip-store                eddy only: gzip the run's histories, log and journal

Exit status: 0 valid, 1 invalid, 2 unknown, 254 bad arguments,
255 crashed (init/topology failure, node crash), 130 interrupted.
`
