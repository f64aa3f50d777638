package runner

import (
	"sync"
	"sync/atomic"

	"eddy/internal/console"
	"eddy/internal/history"
	"eddy/internal/store"
)

// recorder is the run's single history. Appends are serialised so indices
// stay dense and equal to positions, which the set-full checker relies on.
// Every op it records is also logged, as jepsen.util logs it.
type recorder struct {
	out *console.Console

	mu      sync.Mutex
	h       history.History
	invokes atomic.Int64 // client invocations so far, for the status line
}

func newRecorder(out *console.Console) *recorder { return &recorder{out: out} }

// record appends op, logs it under thread and returns it with its index.
func (r *recorder) record(thread string, op history.Op) history.Op {
	r.mu.Lock()
	op.Index = r.h.Append(op)
	r.mu.Unlock()
	if op.Type == history.Invoke && op.IsClient() {
		r.invokes.Add(1)
	}
	r.out.Info(thread, "jepsen.util", store.OpLine(op))
	return op
}

func (r *recorder) history() history.History {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append(history.History(nil), r.h...)
}
