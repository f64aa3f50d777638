// Package netsim is eddy's simulated Maelstrom network.
//
// The contract, taken from docs/SEMANTICS.md (§1.6, §4, §7):
//
//   - Every member (node, client or built-in service) owns one priority queue
//     ordered by delivery deadline. A member whose id starts with "c" is a
//     client; everything else is a server.
//   - Every accepted send gets the next global message id (0, 1, 2, …). A
//     send from or to an unregistered member is rejected after its id was
//     allocated, so that id is never seen. Lines a node prints are checked
//     against Maelstrom's closed envelope schema before any id is taken.
//   - Latency applies only to server↔server messages; anything touching a
//     client is due at once.
//   - A node has exactly one delivery loop (Member.Deliver). It takes the
//     queue head as soon as there is one, drops it silently if the current
//     partition says its destination ignores its source, and otherwise sleeps
//     until the deadline before handing the message over. A message that
//     arrives while the loop sleeps waits behind the one being slept on
//     (head-of-line blocking), exactly as in Maelstrom. Clients instead poll
//     their own queue (Member.Poll).
//   - Process faults (§12): a killed node stays registered, so sends to it
//     succeed and pile up in its queue while its loop is ended (an ended
//     loop hands over nothing more); Restart gives it a fresh queue,
//     discarding what piled up. A paused node keeps its loop, which writes
//     into its stdin until the pipe is full; SetStopped only tells the lag
//     accounting to leave the pause out.
//   - The journal counts every accepted send (dropped ones included) and
//     every actual delivery, split into :all, :clients and :servers, and can
//     stream one JSON line per event to a file.
//
// Timed waits (a delivery loop sleeping to a deadline, or the caller's own
// Alarm) are served by one timer goroutine per network over a deadline
// heap. With Options.PreciseTimers it sleeps in ppoll(2), which keeps
// nanosecond timeouts, where Go's timers round an idle sleep up to whole
// milliseconds; wake-ups then leave about 0.1 ms after their deadline
// rather than 0.5–1 ms. That goroutine is the only one the package starts:
// it runs while some alarm is armed and ends when none is. The caller runs
// each delivery loop and decides when it ends.
package netsim
