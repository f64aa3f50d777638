package actor

import "rumor/messages"

// strategy is the part of the protocol that differs by Strategy: where a
// new value goes, and what a node does as time passes and peers answer. One
// is chosen in NewNode and never changes, so the shared path (accept, flush,
// the link bookkeeping) calls it without asking which one it is, the way
// etcd's raft swaps its step and tick functions by role.
type strategy interface {
	// start runs once, right after init, when the node knows its peers.
	start(n *Node)
	// offered records the neighbours a topology message offers, sorted.
	offered(neighbours []string)
	// route queues a newly accepted value on the links it should travel.
	// from is the peer it came from ("" for a client); relay says the sender
	// asked this node to act as its hub.
	route(n *Node, v messages.Value, from string, relay bool)
	// tick reacts to time passing, before anything is sent.
	tick(n *Node)
	// progressed reacts to a peer acknowledging something new, or
	// confirming this run.
	progressed(n *Node, l *link)
	// wake returns the first tick at which tick may act, or none.
	wake(n *Node) int64
	// targets returns, sorted, the peers a value from this node's own
	// clients goes to now: those a restarted node probes.
	targets(n *Node) []string
}

func newStrategy(s Strategy) strategy {
	switch s {
	case Topology:
		return &flood{}
	case Mesh:
		return mesh{}
	}
	return &star{}
}

// enqueueAll queues v on the link to each of peers.
func (n *Node) enqueueAll(peers []string, v messages.Value) {
	for _, p := range peers {
		n.queue(n.links[p], v)
	}
}

// enqueueOwn queues a value from this node's own clients on the link to
// each of peers, to be sent at once (see markUrgent).
func (n *Node) enqueueOwn(peers []string, v messages.Value) {
	for _, p := range peers {
		l := n.links[p]
		n.queue(l, v)
		l.markUrgent()
	}
}

// flood forwards every new value to the offered neighbours except the one it
// came from; before any topology arrives every node counts as a neighbour.
type flood struct {
	neighbours []string
	known      bool
}

func (*flood) start(*Node) {}

func (f *flood) offered(neighbours []string) { f.neighbours, f.known = neighbours, true }

func (f *flood) route(n *Node, v messages.Value, from string, _ bool) {
	if from == "" {
		n.enqueueOwn(f.targets(n), v)
		return
	}
	n.enqueueAll(without(f.targets(n), from), v)
}

func (f *flood) targets(n *Node) []string {
	if !f.known {
		return n.peers
	}
	return f.neighbours
}

func (*flood) tick(*Node)              {}
func (*flood) progressed(*Node, *link) {}
func (*flood) wake(*Node) int64        { return none }

// mesh sends each client value straight to every other node and never
// forwards what it receives.
type mesh struct{}

func (mesh) start(*Node)      {}
func (mesh) offered([]string) {}

func (mesh) route(n *Node, v messages.Value, from string, _ bool) {
	if from == "" {
		n.enqueueOwn(n.peers, v)
	}
}

func (mesh) targets(n *Node) []string { return n.peers }

func (mesh) tick(*Node)              {}
func (mesh) progressed(*Node, *link) {}
func (mesh) wake(*Node) int64        { return none }
