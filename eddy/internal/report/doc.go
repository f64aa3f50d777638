// Package report turns a finished eddy run into files a person can look at:
// the run's stable latency against its limit, plots of latency, throughput
// and propagation, a Lamport diagram of the network, and an index.html that
// ties them to the results and the verdict.
// It also serves a store directory for browsing (eddy serve).
//
// The contract:
//
//   - Write reads only what it is given (the history, and the results as a
//     typed summary.Run, never parsed back from JSON), the run directory's
//     net-journal.jsonl and its file names and sizes (for the page's file
//     list), and writes only these files into the run directory:
//     limit.png (when the run has a limit), latency-raw.png,
//     latency-quantiles.png, rate.png, propagation.png, messages.svg and
//     index.html.
//   - Every output is attempted even when another fails; the failures come
//     back joined in one error. index.html is written last and links only
//     the pictures that were written, by relative paths, with no script and
//     nothing fetched from elsewhere, so a copied run directory opens
//     offline.
//   - Write never changes a run's outcome: it does not touch results.edn,
//     results.json or the history, and the caller decides what a failure
//     means (eddy logs it and keeps the verdict and exit code).
//   - Times on every picture are seconds of the history's relative clock;
//     journal times are shifted by the journal's clock-zero line to match.
//   - The time plots shade the nemesis's faults read from the history:
//     partitions grey, kills (kill to start) #E9A4A0, pauses (pause to
//     resume) #A0B1E9, in stripes where they overlap (§12.10).
//   - Handler serves a store root read-only: "/" lists the runs, newest
//     first, with the verdict from results.json, or for a run without one
//     "crashed" and the reason its jepsen.log gives, "interrupted", or "no
//     results"; every other path is a file or directory under the root.
package report
