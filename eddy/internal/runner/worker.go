package runner

import (
	"context"
	"errors"
	"strconv"

	"eddy/internal/edn"
	"eddy/internal/history"
	"eddy/internal/netsim"
	"eddy/internal/rpc"
)

// job is one operation handed to a worker; its invocation is already in the
// history.
type job struct {
	invoke history.Op
}

// worker is one Jepsen worker thread: it always talks to the same node,
// through one client at a time, one request at a time.
type worker struct {
	net         *netsim.Network
	rec         *recorder
	index       int
	node        string
	process     int // history process id: index, then +concurrency after each :info
	concurrency int

	client        *rpc.Client
	clientProcess int // the process the client was opened for

	jobs chan job
}

func (w *worker) thread() string { return "jepsen worker " + strconv.Itoa(w.index) }

// loop performs jobs until jobs is closed, reporting each completion on
// free. It closes its client on the way out.
func (w *worker) loop(ctx context.Context, free chan<- int) {
	defer func() {
		if w.client != nil {
			w.client.Close()
		}
	}()
	for j := range w.jobs {
		w.perform(ctx, j)
		free <- w.index
	}
}

// perform runs one op. A worker whose process changed since its client was
// opened closes that client and opens the next one first (§3.5).
func (w *worker) perform(ctx context.Context, j job) {
	if w.client == nil || w.clientProcess != w.process {
		if w.client != nil {
			w.client.Close()
		}
		w.client = rpc.Open(w.net)
		w.clientProcess = w.process
	}
	done := ctx.Done()
	inv := j.invoke
	out := history.Op{Process: inv.Process, Node: inv.Node, F: inv.F, Value: inv.Value, Final: inv.Final}
	switch inv.F {
	case history.FBroadcast:
		element, _ := inv.ElementValue()
		_, err := w.client.Call(done, w.node, rpc.Broadcast(element), rpc.DefaultTimeout)
		classify(&out, err, false)
	case history.FRead:
		reply, err := w.client.Call(done, w.node, rpc.Read(), rpc.DefaultTimeout)
		if err == nil {
			out.Value = rpc.Messages(reply)
		}
		classify(&out, err, true)
	}
	out.Time = w.net.Now()
	if at, ok := w.client.Landed(); ok {
		out.Landed = at
	}
	out = w.rec.record(w.thread(), out)
	if out.Type == history.Info {
		w.process += w.concurrency
	}
}

// classify sets an op's completion type and error from the call's outcome
// (§1.4, §1.5, §3.1): reads are idempotent, so every definite-or-not error
// and every timeout fails them; broadcasts fail only on definite errors.
// Malformed replies are exceptions: :info for both, with an indeterminate
// error, as Jepsen's interpreter records a crashed invocation.
func classify(out *history.Op, err error, idempotent bool) {
	var rpcErr *rpc.Error
	var malformed *rpc.MalformedError
	switch {
	case err == nil:
		out.Type = history.OK
		return
	case errors.As(err, &rpcErr):
		out.Type = history.Info
		if rpcErr.Definite || idempotent {
			out.Type = history.Fail
		}
		out.Error = rpcErr.EDN()
	case errors.Is(err, rpc.ErrTimeout):
		out.Type = history.Info
		if idempotent {
			out.Type = history.Fail
		}
		out.Error = ":net-timeout"
	case errors.As(err, &malformed):
		out.Type = history.Info
		out.Exception = "malformed-rpc-response"
		out.Error = edn.Quote("indeterminate: " + malformed.Message)
	default:
		// The network refused the request itself; Jepsen would see the
		// assertion as a crashed invocation.
		out.Type = history.Info
		out.Exception = "network"
		out.Error = edn.Quote("indeterminate: " + err.Error())
	}
	if out.Type != history.OK && idempotent {
		out.Value = nil
	}
}
