// Package shell is rumor's process shell: everything between the node's
// core (actor) and the operating system. main.go parses the flags and calls
// Run; the rest is here, one job per file:
//
//   - streams.go: stdin and stdout in a form a blocked read or write can be
//     woken from (non-blocking descriptors served by the runtime's poller);
//   - signals.go: SIGTERM and SIGINT end the node, a second one at once,
//     and SIGPIPE becomes an error instead of a silent death;
//   - reader.go: stdin, read line by line, decoded and pushed into the
//     actor.Loop as events; it only decodes and pushes;
//   - writer.go: stdout and stderr, owned by the loop's goroutine: one
//     flush per step, a deadline that wakes a write nobody reads, a broken
//     pipe that ends the node;
//   - memory.go: giving the memory of large lines back to the system once
//     they stop coming, not after every one;
//   - storage.go, testkey*.go: the node's log (internal/wal) as an
//     actor.Storage: where it lives, which test it belongs to, and the
//     clean-up of logs whose tests are over;
//   - stamp.go: the stderr contract: every line begins with the wall
//     clock (RFC 3339, UTC, nanoseconds) and "rumor: ";
//   - run.go: Run, which wires these together and shuts them down in order.
//
// The contract of Run: it returns when stdin ends, the context is
// cancelled or stdout breaks, with no goroutine of its own left running,
// within a second even if nobody reads stdout. Nothing here is shared
// between goroutines but channels, the stdout deadline (which os.File
// allows to be set during a write) and the loop's Push.
package shell
