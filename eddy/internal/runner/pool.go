package runner

import (
	"context"
	"sync"

	"eddy/internal/netsim"
)

// pool is the set of workers as the generator sees them. Only the generator
// goroutine touches busy; workers report back on free.
type pool struct {
	workers []*worker
	free    chan int
	busy    []bool
	nBusy   int
	wg      sync.WaitGroup
}

// newPool starts concurrency workers, worker i talking to node
// i mod len(nodes). They run until stop; ctx cuts their calls short.
func newPool(ctx context.Context, net *netsim.Network, rec *recorder, nodes []string, concurrency int) *pool {
	p := &pool{free: make(chan int, concurrency), busy: make([]bool, concurrency)}
	for i := 0; i < concurrency; i++ {
		w := &worker{
			net: net, rec: rec, index: i, process: i, concurrency: concurrency,
			node: nodes[i%len(nodes)], jobs: make(chan job, 1),
		}
		p.workers = append(p.workers, w)
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			w.loop(ctx, p.free)
		}()
	}
	return p
}

func (p *pool) dispatch(i int, j job) {
	p.busy[i] = true
	p.nBusy++
	p.workers[i].jobs <- j
}

func (p *pool) markFree(i int) {
	p.busy[i] = false
	p.nBusy--
}

// collect marks free every worker that has reported since the last look.
func (p *pool) collect() {
	for {
		select {
		case i := <-p.free:
			p.markFree(i)
		default:
			return
		}
	}
}

// firstFreeFrom is the first idle worker at or after index from, wrapping.
func (p *pool) firstFreeFrom(from int) int {
	n := len(p.workers)
	for k := 0; k < n; k++ {
		if i := (from + k) % n; !p.busy[i] {
			return i
		}
	}
	return -1
}

// awaitOne blocks until some worker finishes.
func (p *pool) awaitOne(ctx context.Context) bool {
	select {
	case i := <-p.free:
		p.markFree(i)
		return true
	case <-ctx.Done():
		return false
	}
}

// awaitAll is Jepsen's barrier: every in-flight op completes.
func (p *pool) awaitAll(ctx context.Context) bool {
	for p.nBusy > 0 {
		if !p.awaitOne(ctx) {
			return false
		}
	}
	return true
}

// stop ends every worker once its current op (if any) completes; each
// closes its client.
func (p *pool) stop() {
	for _, w := range p.workers {
		close(w.jobs)
	}
	// Drain completion reports so no worker blocks on a full free channel
	// while the pool shuts down after an interrupt.
	done := make(chan struct{})
	go func() { p.wg.Wait(); close(done) }()
	for {
		select {
		case <-p.free:
		case <-done:
			return
		}
	}
}
