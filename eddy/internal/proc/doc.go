// Package proc runs one node binary the way Maelstrom does (§1.6, §1.8).
//
// The contract:
//   - Start launches the canonical path of the binary with the given
//     arguments, in the given directory, with the environment inherited and
//     stdin, stdout and stderr on pipes. The child gets its own process group
//     and, on Linux, is killed by the kernel if eddy itself dies.
//   - Each stdout line goes to the caller's handler. The first line the
//     handler rejects ends stdout reading for good: the pipe is no longer
//     drained, so a chatty node eventually blocks, exactly as under
//     Maelstrom.
//   - Each stderr line is appended to the node's log file (one write per
//     line) and optionally echoed.
//   - The last 32 lines of stdout and of stderr are kept for crash reports.
//   - Done is closed when the process ends; Exit then describes it (exit
//     status, the last stderr lines), so a node that dies before answering
//     init is reported at once rather than as a timeout.
//   - CheckBin says, before anything is created, why a binary cannot be
//     launched.
//   - Stop SIGKILLs the whole process group unless the node already exited,
//     waits at most 5 s, and reports an already-exited node as a crash. The
//     nemesis's kill (§12.5) is Stop too: only a node that had exited on its
//     own is a crash.
//   - Pause and Resume send SIGSTOP and SIGCONT to the process group
//     (§12.7); Stop works on a paused node.
//
// Every goroutine a Node starts ends by the time Stop returns.
package proc
