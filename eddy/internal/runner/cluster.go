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

// nodeSlot is what a launcher gets to start one node process: its id, its
// place on the network, where its stderr log goes, and what to call when
// the network refuses a line the process printed (§1.6).
type nodeSlot struct {
	ID      string
	Member  *netsim.Member
	Net     *netsim.Network
	LogPath string
	Reject  func(err error)
}

// launcher starts one node process and returns it with the sink its
// delivery loop writes into (the process's stdin). processLauncher is the
// real one; the runner's own tests substitute in-process nodes.
type launcher func(nodeSlot) (nodeProcess, func(*netsim.Message), error)

// nodeProcess is a launched node process as the cluster manages it.
// proc.Node is the real one.
type nodeProcess interface {
	ID() string
	// Kill sends SIGKILL without waiting: the interrupt path.
	Kill()
	// Stop kills the process and waits for it; an error reports a process
	// that had already exited on its own (a crash) or would not die.
	Stop() error
	// Pause and Resume stop and continue the process (SIGSTOP, SIGCONT).
	Pause()
	Resume()
}

// cluster owns the node processes, the services and every delivery loop.
// A node id outlives its processes: the nemesis kills a node's process and
// later starts another (§12.5, §12.6); the cluster keeps each id's life.
type cluster struct {
	net     *netsim.Network
	out     *console.Console
	ids     []string // node ids, in order
	command string   // the launch line's "bin [args]", for the log
	launch  launcher
	logDir  string // node-logs directory
	loops   *deliveryLoops

	mu    sync.Mutex
	nodes map[string]*nodeLife
	mutes []muteEvent
}

// nodeLife is one node id over the run. Only the nemesis thread changes it
// once the run has started; the lock guards the reads of the interrupt
// path and the status line.
type nodeLife struct {
	member *netsim.Member
	proc   nodeProcess   // the current process; nil while killed
	loop   *deliveryLoop // the current process's delivery loop
	paused bool
	// crash is the report of a process of this node that exited on its own
	// and was found by a kill rather than at teardown; teardown reports it.
	crash error
	// retired are the processes the nemesis killed; their resource use
	// still counts.
	retired []nodeProcess
}

// muteEvent is one node process whose stdout eddy stopped reading (§1.6).
type muteEvent struct {
	node string
	at   int64 // history time
	err  error
}

func newCluster(net *netsim.Network, out *console.Console, cfg Config, launch launcher, logDir string) *cluster {
	return &cluster{
		net: net, out: out, ids: cfg.Nodes, command: cfg.Bin + " " + argsEDN(cfg.Args),
		launch: launch, logDir: logDir, loops: newDeliveryLoops(),
		nodes: make(map[string]*nodeLife),
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
	c.out.Info("jepsen node "+id, "maelstrom.db", "Setting up "+id)
	member, err := c.net.Register(id)
	if err != nil {
		return err
	}
	c.mu.Lock()
	c.nodes[id] = &nodeLife{member: member}
	c.mu.Unlock()
	node, err := c.launchOn(id, member)
	if err != nil {
		return err
	}
	return c.initNode(ctx, id, node)
}

// launchOn starts a process for node id on member and its delivery loop,
// and makes it the node's current process.
func (c *cluster) launchOn(id string, member *netsim.Member) (nodeProcess, error) {
	c.out.Info("jepsen node "+id, "maelstrom.process", "launching "+c.command)
	node, sink, err := c.launch(nodeSlot{
		ID: id, Member: member, Net: c.net,
		LogPath: filepath.Join(c.logDir, id+".log"),
		Reject:  func(err error) { c.muted(id, err) },
	})
	if err != nil {
		return nil, err
	}
	loop := c.loops.run(member, sink)
	c.mu.Lock()
	life := c.nodes[id]
	life.member, life.proc, life.loop, life.paused = member, node, loop, false
	c.mu.Unlock()
	return node, nil
}

// initNode sends init from a fresh one-shot client (§1.3) and waits for
// init_ok, at most 10 s; a node that exits meanwhile is reported at once.
func (c *cluster) initNode(ctx context.Context, id string, node nodeProcess) error {
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

// muted records that the network refused a line node id printed, so that
// eddy reads that process's stdout no more (§1.6), and logs it as
// Maelstrom's stdout thread does.
func (c *cluster) muted(id string, err error) {
	c.out.Warn(id+" stdout", "maelstrom.process", "Error!\n"+err.Error())
	c.mu.Lock()
	c.mutes = append(c.mutes, muteEvent{node: id, at: c.net.Now(), err: err})
	c.mu.Unlock()
}

// muteNodes are the nodes some process of which eddy stopped reading, in
// node order.
func (c *cluster) muteNodes() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, id := range c.ids {
		for _, m := range c.mutes {
			if m.node == id {
				out = append(out, id)
				break
			}
		}
	}
	return out
}

// exitReporter is a node that can tell when it has ended and why
// (proc.Node); in-process test nodes cannot, and never end.
type exitReporter interface {
	Done() <-chan struct{}
	Exit() *proc.ExitError
}

// exitedOnItsOwn reports whether a live-looking process has in fact
// ended (only processes that can tell).
func exitedOnItsOwn(p nodeProcess) bool {
	e, ok := p.(exitReporter)
	if !ok {
		return false
	}
	select {
	case <-e.Done():
		return true
	default:
		return false
	}
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

// processLauncher starts the node binary; its delivery loop writes the
// node's messages to its stdin.
func processLauncher(cfg Config, out *console.Console) launcher {
	return func(s nodeSlot) (nodeProcess, func(*netsim.Message), error) {
		var echo func(string)
		if cfg.LogStderr {
			echo = func(line string) { out.Info(s.ID+" stderr", "maelstrom.process", line) }
		}
		node, err := proc.Start(proc.Spec{
			ID: s.ID, Bin: cfg.Bin, Args: cfg.Args, Dir: cfg.NodeDir,
			LogPath:  s.LogPath,
			OnStdout: s.Net.SendLine,
			// Maelstrom's stdout thread logs the exception once and reads
			// no more.
			OnError:  s.Reject,
			OnStderr: echo,
		})
		if err != nil {
			return nil, nil, err
		}
		return node, netsim.WriteTo(node.Stdin()), nil
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
	for _, life := range c.nodes {
		if life.proc != nil {
			life.proc.Kill()
		}
	}
}

// tearDown ends the nodes' delivery loops, stops every node's current
// process in parallel (SIGKILL, ≤5 s wait each; a paused process dies the
// same way), then waits for every delivery loop. It returns the crash report of the first node, in node order,
// one of whose processes had exited on its own.
func (c *cluster) tearDown() error {
	type ending struct {
		id    string
		proc  nodeProcess
		crash error
	}
	c.mu.Lock()
	var ends []ending
	for _, id := range c.ids {
		if life := c.nodes[id]; life != nil {
			ends = append(ends, ending{id, life.proc, life.crash})
			if life.loop != nil {
				// The network delivers nothing more to a node being torn
				// down: a backlog (a mute node's, say) is not written
				// into a dead pipe and journaled as received.
				life.loop.end()
			}
		}
	}
	c.mu.Unlock()
	errs := make([]error, len(ends))
	var wg sync.WaitGroup
	for i, e := range ends {
		c.out.Info("jepsen node "+e.id, "maelstrom.db", "Tearing down "+e.id)
		errs[i] = e.crash
		if e.proc == nil {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := e.proc.Stop(); errs[i] == nil {
				errs[i] = err
			}
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

// usages returns what each node used over the run, in node order, for the
// nodes that can say (real processes, after teardown): the CPU of all its
// processes added up, and the highest peak RSS among them.
func (c *cluster) usages() []proc.Usage {
	c.mu.Lock()
	defer c.mu.Unlock()
	var us []proc.Usage
	for _, id := range c.ids {
		life := c.nodes[id]
		if life == nil {
			continue
		}
		var total proc.Usage
		known := false
		for _, p := range append(append([]nodeProcess(nil), life.retired...), life.proc) {
			if p, ok := p.(interface{ Usage() (proc.Usage, bool) }); ok {
				if u, ok := p.Usage(); ok {
					total.CPU += u.CPU
					total.PeakRSS = max(total.PeakRSS, u.PeakRSS)
					known = true
				}
			}
		}
		if known {
			us = append(us, total)
		}
	}
	return us
}
