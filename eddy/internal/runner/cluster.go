package runner

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"eddy/internal/console"
	"eddy/internal/edn"
	"eddy/internal/netsim"
	"eddy/internal/proc"
	"eddy/internal/rpc"
)

// deliveryLoops are the run's delivery loops (one per node and service),
// ended together at teardown.
type deliveryLoops struct {
	done chan struct{} // closed to end every loop
	wg   sync.WaitGroup
}

func newDeliveryLoops() *deliveryLoops { return &deliveryLoops{done: make(chan struct{})} }

// run starts m's delivery loop into sink.
func (l *deliveryLoops) run(m *netsim.Member, sink func(*netsim.Message)) {
	l.wg.Add(1)
	go func() {
		defer l.wg.Done()
		m.Deliver(l.done, sink)
	}()
}

// stop ends every loop and waits for them.
func (l *deliveryLoops) stop() {
	close(l.done)
	l.wg.Wait()
}

// nodeSlot is what a launcher gets to start one node: its id, its place on
// the network, and where its delivery loop and log go.
type nodeSlot struct {
	ID      string
	Member  *netsim.Member
	Net     *netsim.Network
	Loops   *deliveryLoops
	LogPath string
}

// launcher starts one node. processLauncher is the real one; the runner's
// own tests substitute in-process nodes.
type launcher func(nodeSlot) (nodeProcess, error)

// nodeProcess is a launched node as the cluster manages it. proc.Node is the
// real one.
type nodeProcess interface {
	ID() string
	Kill()
	Stop() error
}

// cluster owns the node processes, the services and every delivery loop.
type cluster struct {
	net     *netsim.Network
	out     *console.Console
	ids     []string // node ids, in order
	command string   // the launch line's "bin [args]", for the log
	launch  launcher
	logDir  string // node-logs directory
	loops   *deliveryLoops

	mu    sync.Mutex
	nodes map[string]nodeProcess
}

func newCluster(net *netsim.Network, out *console.Console, cfg Config, launch launcher, logDir string) *cluster {
	return &cluster{
		net: net, out: out, ids: cfg.Nodes, command: cfg.Bin + " " + argsEDN(cfg.Args),
		launch: launch, logDir: logDir, loops: newDeliveryLoops(),
		nodes: make(map[string]nodeProcess),
	}
}

// startServices registers Maelstrom's built-in services and runs their
// delivery loops.
func (c *cluster) startServices() error {
	c.out.Info("jepsen node "+c.ids[0], "maelstrom.db", "Starting services: ("+strings.Join(netsim.ServiceIDs, " ")+")")
	for _, id := range netsim.ServiceIDs {
		m, err := c.net.Register(id)
		if err != nil {
			return err
		}
		c.loops.run(m, netsim.ServiceSink(c.net, id))
	}
	return nil
}

// setUpAll launches and inits every node in parallel; all inits finish
// before it returns.
func (c *cluster) setUpAll(ctx context.Context) error {
	errs := make([]error, len(c.ids))
	var wg sync.WaitGroup
	for i, id := range c.ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = c.setUp(ctx, id)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// setUp is one node's DB setup: register its queue, launch it, init it.
func (c *cluster) setUp(ctx context.Context, id string) error {
	thread := "jepsen node " + id
	c.out.Info(thread, "maelstrom.db", "Setting up "+id)
	member, err := c.net.Register(id)
	if err != nil {
		return err
	}
	c.out.Info(thread, "maelstrom.process", "launching "+c.command)
	node, err := c.launch(nodeSlot{ID: id, Member: member, Net: c.net, Loops: c.loops, LogPath: filepath.Join(c.logDir, id+".log")})
	if err != nil {
		return err
	}
	c.mu.Lock()
	c.nodes[id] = node
	c.mu.Unlock()

	client := rpc.Open(c.net)
	defer client.Close()
	exited, _ := node.(exitReporter)
	done, release := untilExit(ctx, exited)
	defer release()
	if _, err := client.Call(done, id, rpc.Init(id, c.ids), rpc.InitTimeout); err != nil {
		if exited != nil {
			select {
			case <-exited.Done():
				// Dead on arrival: say so now, not after init's 10 s.
				return fmt.Errorf("init failed: %w", exited.Exit())
			default:
			}
		}
		return fmt.Errorf("init failed for node %s: %w", id, err)
	}
	return nil
}

// exitReporter is a node that can tell when it has ended and why
// (proc.Node); in-process test nodes cannot, and never end.
type exitReporter interface {
	Done() <-chan struct{}
	Exit() *proc.ExitError
}

// untilExit returns a channel closed when ctx ends or the node (if it can
// tell) exits, whichever comes first. release ends the watch; call it
// once the channel is no longer needed.
func untilExit(ctx context.Context, node exitReporter) (done <-chan struct{}, release func()) {
	if node == nil {
		return ctx.Done(), func() {}
	}
	ch, stop := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(ch)
		select {
		case <-ctx.Done():
		case <-node.Done():
		case <-stop:
		}
	}()
	return ch, func() { close(stop) }
}

// processLauncher starts the node binary and its delivery loop, which writes
// the node's messages to its stdin.
func processLauncher(cfg Config, out *console.Console) launcher {
	return func(s nodeSlot) (nodeProcess, error) {
		var echo func(string)
		if cfg.LogStderr {
			echo = func(line string) { out.Info(s.ID+" stderr", "maelstrom.process", line) }
		}
		node, err := proc.Start(proc.Spec{
			ID: s.ID, Bin: cfg.Bin, Args: cfg.Args, Dir: cfg.NodeDir,
			LogPath:  s.LogPath,
			OnStdout: s.Net.SendLine,
			OnError: func(err error) {
				// Maelstrom's stdout thread logs the exception once and
				// reads no more.
				out.Warn(s.ID+" stdout", "maelstrom.process", "Error!\n"+err.Error())
			},
			OnStderr: echo,
		})
		if err != nil {
			return nil, err
		}
		s.Loops.run(s.Member, netsim.WriteTo(node.Stdin()))
		return node, nil
	}
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

// launched is the launched nodes in node order.
func (c *cluster) launched() []nodeProcess {
	c.mu.Lock()
	defer c.mu.Unlock()
	nodes := make([]nodeProcess, 0, len(c.nodes))
	for _, id := range c.ids {
		if n := c.nodes[id]; n != nil {
			nodes = append(nodes, n)
		}
	}
	return nodes
}

// tearDown stops every node in parallel (SIGKILL, ≤5 s wait each), then
// ends the delivery loops. It returns the crash report of the first node,
// in node order, that had exited before teardown.
func (c *cluster) tearDown() error {
	nodes := c.launched()
	errs := make([]error, len(nodes))
	var wg sync.WaitGroup
	for i, n := range nodes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.out.Info("jepsen node "+n.ID(), "maelstrom.db", "Tearing down "+n.ID())
			errs[i] = n.Stop()
		}()
	}
	wg.Wait()
	c.loops.stop()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// usages returns what each node process used, in node order, for the nodes
// that can say (real processes, after teardown).
func (c *cluster) usages() []proc.Usage {
	var us []proc.Usage
	for _, n := range c.launched() {
		if n, ok := n.(interface{ Usage() (proc.Usage, bool) }); ok {
			if u, ok := n.Usage(); ok {
				us = append(us, u)
			}
		}
	}
	return us
}
