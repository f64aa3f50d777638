// Package checker analyses a finished eddy run the way Maelstrom's :checker
// composition analyses a broadcast test (semantics §6, §7, §9.1).
//
// The contract:
//
//   - Check is pure: it reads a history and the network's message counts and
//     returns Results. It starts no goroutines and does no I/O. SetFull is
//     its :workload part alone, for scoring other histories (the limit)
//     by the same rules.
//   - Results holds every figure Maelstrom prints, under :perf, :timeline,
//     :exceptions, :stats, :availability, :net and :workload, each with its
//     own validity; the overall validity merges them with Jepsen's priority
//     false > :unknown > true.
//   - Like Jepsen's check-safe, a sub-checker that cannot make sense of the
//     history (a malformed one, say) reports it as an error value, not a
//     panic, and the analysis goes on: its result becomes {:valid?
//     :unknown, :error "…"} and the rest still runs.
//   - :workload is Jepsen's set-full checker with :linearizable? false,
//     reproduced with its quirks: stability is judged by history index, the
//     duplicate scan never reports anything, and latencies are truncated
//     milliseconds measured from the ack to the last read that missed.
//   - Verdict gives the closing line Jepsen prints and the exit status (0
//     valid, 1 invalid, 2 unknown). Printing the results map (EDN, and the
//     same figures as JSON) is package store's, which owns results.edn and
//     results.json.
package checker
