// Package console is eddy's output: Maelstrom-style log lines, teed to the
// terminal and to the run's jepsen.log, plus an optional live status line.
//
// The contract: every log line has Jepsen's layout,
//
//	INFO [2026-03-16 06:51:45,052] jepsen worker 0 - jepsen.util 0	:invoke	:broadcast	0
//
// and is written whole, under one lock, so lines from concurrent goroutines
// never interleave. The status line is drawn only when both stdout and
// stderr are terminals; it lives on stderr's last line and is cleared before
// each log line and redrawn after it, so logs scroll above it cleanly and
// redirected output never contains it.
package console
