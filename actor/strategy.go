package actor

import "rumor/messages"

// strategy is the part of the protocol that differs by Strategy: where a
// new value goes, and what a node does when peers tell it where they stand
// or a link's health changes. One is chosen in NewNode and never changes,
// so the shared path (accept, flush, the link bookkeeping) calls it without
// asking which one it is. (A star node's role does change at run time; the
// star strategy swaps it with become… methods of its own, tree.go.)
type strategy interface {
	// start runs once, right after init, when the node knows its peers.
	start(n *Node)
	// offered records the neighbours a topology message offers, sorted.
	offered(n *Node, neighbours []string)
	// route queues a newly accepted value on the links it should travel.
	// from is the peer it came from ("" for a client).
	route(n *Node, v messages.Value, from string)
	// heard learns where l's peer stands, as a message from it says.
	heard(n *Node, l *link, s standing)
	// changed reacts to l's health changing from was to now (progress.go).
	changed(n *Node, l *link, was, now health)
	// targets returns, sorted, the peers a value from this node's own
	// clients goes to now: those a restarted node probes.
	targets(n *Node) []string
	// path is this node's path to its hub, for the messages it sends to
	// peer; nil for a hub and for strategies without hubs. It must not be
	// modified.
	path(n *Node, peer string) []string
	// hubTS is how new this node's path is (Gossip.HubTS); 0 for
	// strategies without hubs.
	hubTS(n *Node) uint64
	// hub is where this node's own values go: its parent, itself when it
	// is a hub, "" for strategies without hubs.
	hub(n *Node) string
	// carries reports whether values now travel the link to peer. A
	// stalled link that carries none retries seldom (spareRetryFactor):
	// what it holds went to the links that do carry values.
	carries(n *Node, peer string) bool
	// passesOn reports whether the link to peer has the batches this node
	// receives from its parent passed on at once (a relay's link to a
	// child), and everything else it carries goes up to the parent at
	// once as well: its own batches then wait for the parent's (batchGap),
	// and hold no acknowledgement back (hold.go).
	passesOn(n *Node, peer string) bool
	// wake is when the strategy next needs a tick of its own (none for
	// never), and tick is that tick: both let a strategy keep a timer
	// that is not a link's, and nextTick asks wake, so the two agree.
	wake(n *Node) int64
	tick(n *Node)
}

// standing is what a node-to-node message says of where its sender
// stands: its path to its hub (Gossip.Path, Ack.Path), how new that path
// is (HubTS), within how many ticks it promised its next message (More,
// counted only on a stream of this run; 0 for no promise), and whether it
// asks for a newer way to its hub (Ack.Ask), and whether it carried
// values.
type standing struct {
	path   []string
	hubTS  uint64
	more   int64
	asks   bool
	values bool
}

func newStrategy(s Strategy) strategy {
	switch s {
	case Topology:
		return &flood{}
	case Mesh:
		return mesh{}
	}
	return &tree{}
}

// enqueueAll queues v on the link to each of peers.
func (n *Node) enqueueAll(peers []string, v messages.Value) {
	for _, p := range peers {
		n.queue(n.links[p], v)
	}
}

// enqueueNow queues v on the link to each of peers, to be sent at once
// (see markUrgent): a value from this node's own clients, or a late one
// (tree.late).
func (n *Node) enqueueNow(peers []string, v messages.Value) {
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

func (f *flood) offered(_ *Node, neighbours []string) { f.neighbours, f.known = neighbours, true }

func (f *flood) route(n *Node, v messages.Value, from string) {
	if from == "" {
		n.enqueueNow(f.targets(n), v)
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

func (*flood) heard(*Node, *link, standing)         {}
func (*flood) hubTS(*Node) uint64                   { return 0 }
func (*flood) changed(*Node, *link, health, health) {}
func (*flood) path(*Node, string) []string          { return nil }
func (*flood) hub(*Node) string                     { return "" }
func (*flood) carries(*Node, string) bool           { return true }
func (*flood) passesOn(*Node, string) bool          { return false }
func (*flood) wake(*Node) int64                     { return none }
func (*flood) tick(*Node)                           {}

// mesh sends each client value straight to every other node and never
// forwards what it receives.
type mesh struct{}

func (mesh) start(*Node)             {}
func (mesh) offered(*Node, []string) {}

func (mesh) route(n *Node, v messages.Value, from string) {
	if from == "" {
		n.enqueueNow(n.peers, v)
	}
}

func (mesh) targets(n *Node) []string { return n.peers }

func (mesh) heard(*Node, *link, standing)         {}
func (mesh) hubTS(*Node) uint64                   { return 0 }
func (mesh) changed(*Node, *link, health, health) {}
func (mesh) path(*Node, string) []string          { return nil }
func (mesh) hub(*Node) string                     { return "" }
func (mesh) carries(*Node, string) bool           { return true }
func (mesh) passesOn(*Node, string) bool          { return false }
func (mesh) wake(*Node) int64                     { return none }
func (mesh) tick(*Node)                           {}
