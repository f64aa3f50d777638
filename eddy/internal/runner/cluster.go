package runner

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"eddy/internal/edn"
	"eddy/internal/netsim"
	"eddy/internal/proc"
	"eddy/internal/rpc"
)

// cluster owns the node processes, the services and every delivery loop.
type cluster struct {
	r *run

	mu    sync.Mutex
	nodes map[string]nodeProcess

	loopsDone chan struct{} // closed to end every delivery loop
	loops     sync.WaitGroup
}

func newCluster(r *run) *cluster {
	return &cluster{r: r, nodes: make(map[string]nodeProcess), loopsDone: make(chan struct{})}
}

// startServices registers Maelstrom's built-in services and runs their
// delivery loops.
func (c *cluster) startServices() error {
	c.r.info("jepsen node "+c.r.cfg.Nodes[0], "maelstrom.db", "Starting services: ("+strings.Join(netsim.ServiceIDs, " ")+")")
	for _, id := range netsim.ServiceIDs {
		m, err := c.r.net.Register(id)
		if err != nil {
			return err
		}
		c.runLoop(m, netsim.ServiceSink(c.r.net, id))
	}
	return nil
}

func (c *cluster) runLoop(m *netsim.Member, sink func(*netsim.Message)) {
	c.loops.Add(1)
	go func() {
		defer c.loops.Done()
		m.Deliver(c.loopsDone, sink)
	}()
}

// setUpAll launches and inits every node in parallel; all inits finish
// before it returns.
func (c *cluster) setUpAll() error {
	errs := make([]error, len(c.r.cfg.Nodes))
	var wg sync.WaitGroup
	for i, id := range c.r.cfg.Nodes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = c.setUp(id)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// setUp is one node's DB setup: register its queue, launch it, init it.
func (c *cluster) setUp(id string) error {
	thread := "jepsen node " + id
	c.r.info(thread, "maelstrom.db", "Setting up "+id)
	member, err := c.r.net.Register(id)
	if err != nil {
		return err
	}
	c.r.info(thread, "maelstrom.process", "launching "+c.r.cfg.Bin+" "+argsEDN(c.r.cfg.Args))
	node, err := c.r.launch(c, id, member)
	if err != nil {
		return err
	}
	c.mu.Lock()
	c.nodes[id] = node
	c.mu.Unlock()

	client := rpc.Open(c.r.net)
	defer client.Close()
	if _, err := client.Call(c.r.ctx.Done(), id, rpc.Init(id, c.r.cfg.Nodes), rpc.InitTimeout); err != nil {
		return fmt.Errorf("init failed for node %s: %w", id, err)
	}
	return nil
}

func (c *cluster) stderrEcho(id string) func(string) {
	if !c.r.cfg.LogStderr {
		return nil
	}
	return func(line string) { c.r.info(id+" stderr", "maelstrom.process", line) }
}

// nodeProcess is a launched node as the cluster manages it. proc.Node is the
// real one; the runner's own tests substitute in-process nodes.
type nodeProcess interface {
	ID() string
	Kill()
	Stop() error
}

// launchProcess starts the node binary and its delivery loop, which writes
// the node's messages to its stdin.
func launchProcess(c *cluster, id string, member *netsim.Member) (nodeProcess, error) {
	node, err := proc.Start(proc.Spec{
		ID: id, Bin: c.r.cfg.Bin, Args: c.r.cfg.Args, Dir: c.r.cfg.NodeDir,
		LogPath:  filepath.Join(c.r.dir.Path(), "node-logs", id+".log"),
		OnStdout: c.r.net.SendLine,
		OnError: func(err error) {
			// Maelstrom's stdout thread logs the exception once and
			// reads no more.
			c.r.out.Warn(id+" stdout", "maelstrom.process", "Error!\n"+err.Error())
		},
		OnStderr: c.stderrEcho(id),
	})
	if err != nil {
		return nil, err
	}
	c.runLoop(member, netsim.WriteTo(node.Stdin()))
	return node, nil
}

// argsEDN prints node arguments as Clojure prints the argument vector.
func argsEDN(args []string) string {
	v := make(edn.Vector, len(args))
	for i, a := range args {
		v[i] = edn.String(a)
	}
	return edn.Compact(v)
}

// killAll SIGKILLs every node without waiting: the interrupt and error path,
// run before the orderly teardown so nothing keeps running meanwhile.
func (c *cluster) killAll() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, n := range c.nodes {
		n.Kill()
	}
}

// tearDown stops every node in parallel (SIGKILL, ≤5 s wait each), then
// ends the delivery loops. It returns the crash report of the first node,
// in node order, that had exited before teardown.
func (c *cluster) tearDown() error {
	c.mu.Lock()
	nodes := make([]nodeProcess, 0, len(c.nodes))
	for _, id := range c.r.cfg.Nodes {
		if n := c.nodes[id]; n != nil {
			nodes = append(nodes, n)
		}
	}
	c.mu.Unlock()
	errs := make([]error, len(nodes))
	var wg sync.WaitGroup
	for i, n := range nodes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.r.info("jepsen node "+n.ID(), "maelstrom.db", "Tearing down "+n.ID())
			errs[i] = n.Stop()
		}()
	}
	wg.Wait()
	close(c.loopsDone)
	c.loops.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
