package shell

import (
	"runtime/debug"
	"time"
)

// A node handles large lines now and then: a broadcast of a value of many
// megabytes, the gossip that carries it, and every read_ok after it, which
// holds it. An idle node allocates too little to start a collection soon,
// so the garbage a large line leaves (its buffer, the decoder's scratch, a
// dropped encode buffer) would stay resident for minutes. Returning it with
// debug.FreeOSMemory after every large line, as rumor once did, made a node
// that holds one 12 MiB value run a full collection and give back (and then
// fault in again) its whole buffer on every read.
//
// So memory goes back once per spell, not once per line: each large line
// re-arms a timer, and the collection runs when the timer fires, after
// bigQuiet without another. Meanwhile the writer keeps its large encode
// buffer for the next large output (writer.go), and drops it for the timer
// to collect only once large outputs have stopped.
const (
	// bigLine is the length from which a line or an output counts as large:
	// far above what Maelstrom sends, so a normal run never collects early.
	bigLine = 4 << 20
	// bigQuiet is how long large lines must stop before their memory goes
	// back to the system.
	bigQuiet = 2 * time.Second
)

// relief returns memory to the system once large lines have stopped. The
// timer's function runs on a goroutine of its own and touches nothing but
// the runtime; its owner (the reader or the writer) stops it on the way out.
type relief struct{ timer *time.Timer }

// after a large line: collect bigQuiet from now, unless another comes.
func (r *relief) after() {
	if r.timer == nil {
		r.timer = time.AfterFunc(bigQuiet, debug.FreeOSMemory)
		return
	}
	r.timer.Reset(bigQuiet)
}

// stop cancels a pending collection.
func (r *relief) stop() {
	if r.timer != nil {
		r.timer.Stop()
	}
}
