package runner

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"eddy/internal/history"
	"eddy/internal/proc"
)

// The process faults on the cluster (§12.5–§12.7). Each acts on the given
// nodes in parallel, as Jepsen's on-nodes does, and returns what it did to
// each one (a history Outcome keyword). An error is a node the fault could
// not handle (a restart whose init failed, a process that would not die);
// the other nodes are still handled, and the nemesis op then completes as
// an :info with the error, as Jepsen records a nemesis that threw.

// kill SIGKILLs each node's process and waits for it (§12.5). Its delivery
// loop ends first, so messages for it pile up undelivered until a start
// gives it a fresh queue. A process that had already exited on its own is
// a crash, kept for teardown to report; the node stays down for good.
func (c *cluster) kill(nodes []string) (map[string]string, error) {
	return c.onNodes(nodes, func(id string, life *nodeLife) (string, error) {
		if life.crash != nil {
			return history.Crashed, nil
		}
		if life.proc == nil {
			return history.NotRunning, nil
		}
		life.loop.end()
		err := life.proc.Stop()
		life.loop.wait()
		c.mu.Lock()
		life.retired = append(life.retired, life.proc)
		life.proc, life.paused = nil, false
		var crash *proc.CrashError
		if errors.As(err, &crash) {
			life.crash = err
			c.mu.Unlock()
			return history.Crashed, nil
		}
		c.mu.Unlock()
		return history.Killed, err
	})
}

// start launches a killed node again, in the same way and directory as at
// setup, on a fresh queue, and inits it from a new client (§12.6); no
// topology follows. A node whose process is alive (running or paused) is
// left as it is. A node that crashed on its own is not started again: it
// is a crash, and teardown reports it as one.
func (c *cluster) start(ctx context.Context, nodes []string) (map[string]string, error) {
	return c.onNodes(nodes, func(id string, life *nodeLife) (string, error) {
		switch {
		case life.crash != nil:
			return history.Crashed, nil
		case life.proc != nil && exitedOnItsOwn(life.proc):
			return history.Crashed, nil
		case life.proc != nil:
			return history.AlreadyRunning, nil
		}
		member, err := c.net.Restart(id)
		if err != nil {
			return "", err
		}
		node, err := c.launchOn(id, member)
		if err != nil {
			return "", fmt.Errorf("node %s: %w", id, err)
		}
		if err := c.initNode(ctx, id, node); err != nil {
			return "", err
		}
		return history.Started, nil
	})
}

// pause stops each node's process (§12.7). Its delivery loop keeps writing
// into the stopped process's stdin until the pipe is full.
func (c *cluster) pause(nodes []string) (map[string]string, error) {
	return c.onNodes(nodes, func(id string, life *nodeLife) (string, error) {
		if outcome, down := deadOutcome(life); down {
			return outcome, nil
		}
		life.member.SetStopped(true)
		life.proc.Pause()
		c.mu.Lock()
		life.paused = true
		c.mu.Unlock()
		return history.Paused, nil
	})
}

// resume continues each node's process; it is harmless on one that runs.
func (c *cluster) resume(nodes []string) (map[string]string, error) {
	return c.onNodes(nodes, func(id string, life *nodeLife) (string, error) {
		if outcome, down := deadOutcome(life); down {
			return outcome, nil
		}
		life.proc.Resume()
		life.member.SetStopped(false)
		c.mu.Lock()
		life.paused = false
		c.mu.Unlock()
		return history.Resumed, nil
	})
}

// deadOutcome is what a pause or resume says of a node without a live
// process: crashed, or killed and not started yet.
func deadOutcome(life *nodeLife) (string, bool) {
	switch {
	case life.crash != nil, life.proc != nil && exitedOnItsOwn(life.proc):
		return history.Crashed, true
	case life.proc == nil:
		return history.NotRunning, true
	}
	return "", false
}

// onNodes runs act on every node of nodes in parallel and gathers what
// each reported. Only the nemesis thread calls it, one op at a time, so a
// node's life changes under no other writer.
func (c *cluster) onNodes(nodes []string, act func(id string, life *nodeLife) (string, error)) (map[string]string, error) {
	outcomes := make(map[string]string, len(nodes))
	errs := make([]error, len(nodes))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i, id := range nodes {
		c.mu.Lock()
		life := c.nodes[id]
		c.mu.Unlock()
		if life == nil {
			errs[i] = fmt.Errorf("node %s was never set up", id)
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			outcome, err := act(id, life)
			errs[i] = err
			if outcome != "" {
				mu.Lock()
				outcomes[id] = outcome
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return outcomes, errors.Join(errs...)
}

// downText is the status line's view of the process faults in force:
// "killed n1 n3, paused n2", or "none".
func (c *cluster) downText() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var killed, paused []string
	for _, id := range c.ids {
		life := c.nodes[id]
		switch {
		case life == nil:
		case life.proc == nil || life.crash != nil:
			killed = append(killed, id)
		case life.paused:
			paused = append(paused, id)
		}
	}
	var parts []string
	if len(killed) > 0 {
		parts = append(parts, "killed "+strings.Join(killed, " "))
	}
	if len(paused) > 0 {
		parts = append(parts, "paused "+strings.Join(paused, " "))
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}
