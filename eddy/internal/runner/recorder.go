package runner

import (
	"sync"
	"sync/atomic"

	"eddy/internal/history"
)

// recorder is the run's single history. Appends are serialised so indices
// stay dense and equal to positions, which the set-full checker relies on.
type recorder struct {
	mu      sync.Mutex
	h       history.History
	invokes atomic.Int64 // client invocations so far, for the status line
}

func (r *recorder) append(op history.Op) history.Op {
	r.mu.Lock()
	op.Index = r.h.Append(op)
	r.mu.Unlock()
	if op.Type == history.Invoke && op.IsClient() {
		r.invokes.Add(1)
	}
	return op
}

func (r *recorder) history() history.History {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append(history.History(nil), r.h...)
}
