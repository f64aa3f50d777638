package actor

import (
	"slices"

	"rumor/messages"
)

// star routes every value through a hub: the first node in init order this
// node believes reachable, itself included. Every node walks the same order,
// so all nodes on one side of a partition agree on a hub without exchanging
// a word.
type star struct {
	hub       string          // where this node's client values go
	reachable map[string]bool // false once a node stalls, true again when it makes progress
	// clients are the peers that lately asked this node to fan out their
	// values while it had a hub of its own: nodes cut off from that hub (a
	// partial partition), keyed by the tick of their last such request.
	// They get what this node hears from its side.
	clients map[string]int64
	// asked are the clients that asked for the relay themselves, keyed by
	// the tick they last did, as opposed to other hubs this node passes its
	// side's values to: only they get this node's own values straight from
	// it (another hub hears them from the nodes that serve it).
	asked map[string]int64
	// away are the values this node heard from, or gave to, a stand-in hub
	// (one other than the first node in init order) since it last failed
	// back.
	away []messages.Value
}

// clientTicks is how long a peer counts as a client after its last relay
// request, in retransmission timeouts: long enough to span the gaps between
// one node's client values under load, short enough that a client that has
// gone back to the first hub after a heal is not fed twice for long.
const clientTicks = 2

func (s *star) start(n *Node) {
	s.reachable = make(map[string]bool, len(n.nodes))
	for _, id := range n.nodes {
		s.reachable[id] = true
	}
	s.hub = s.choose(n)
	s.clients = make(map[string]int64)
	s.asked = make(map[string]int64)
}

// askers returns the clients that asked this node to relay lately and are
// still current, sorted.
func (s *star) askers(n *Node) []string {
	var ids []string
	for id, at := range s.asked {
		switch {
		case n.now-at >= clientTicks*n.cfg.RetransmitTicks:
			delete(s.asked, id)
		default:
			if _, ok := s.clients[id]; ok {
				ids = append(ids, id)
			}
		}
	}
	slices.Sort(ids)
	return ids
}

func (*star) offered([]string) {}

// route sends a client's value to the hub alone, marked for fan-out, and
// fans out what this node receives as a hub (or accepts as its own hub).
//
// A value that reaches a node some other way is a sign of a partial
// partition, where nodes disagree on the hub (in a majorities ring every
// node hears a majority, but not the same one): a hub fans it out as if it
// had been relayed, and any other node that got it from a peer other than
// its hub hands it to its hub to fan out, so it crosses from one hub's reach
// into the other's. In a whole network values come only from the hub, so
// this costs nothing there; and a node routes a value only the first time it
// sees it, so it cannot loop.
//
// A node with a hub of its own that is asked to relay anyway serves nodes
// cut off from that hub (see clients): it hands their values to its own hub
// to fan out and to its other clients, and hands them what it hears from
// its side, its own clients' values included (its hub's fan-out never
// reaches them: before this, a relay's own values waited for the heal on
// every node it served). It does not fan out to everyone itself: in a majorities ring
// several such nodes would each send every peer a batch per interval.
func (s *star) route(n *Node, v messages.Value, from string, relay bool) {
	own := from == ""
	top := s.hub == n.self
	switch {
	case own && !top:
		// Our clients are cut off from our hub: its fan-out never reaches
		// them, so they get our own values from us.
		s.toHub(n, v)
		if s.hub != n.nodes[0] {
			s.away = append(s.away, v) // the stand-in carries it across: see progressed
		}
		n.enqueueAll(s.askers(n), v)
	case relay && !top:
		s.serve(n, from)
		s.asked[from] = n.now
		s.toHub(n, v)
		n.enqueueAll(s.current(n, from), v)
	case own || relay || top:
		n.enqueueAll(n.peersExcept(from), v)
	default: // fanned out by some hub; this node is not one
		if from == s.hub && s.hub != n.nodes[0] {
			s.away = append(s.away, v) // from a stand-in: see progressed
		}
		if from != s.hub {
			s.toHub(n, v)
			// A node fanning out to us that is not our hub is another hub:
			// the partition is partial, and it hears nothing from our side
			// unless we pass it on. Unless it has just come back from a
			// silence: then the partition has healed, and it is about to
			// hear from our hub itself.
			if !n.links[from].returned {
				s.serve(n, from)
			}
		}
		n.enqueueAll(s.current(n, from), v)
	}
}

// serve records a relay request from a node cut off from this node's hub.
// A new client first gets every value this node holds: whatever this node
// heard from its side before the client turned to it never reached the
// client either.
func (s *star) serve(n *Node, client string) {
	if client == s.hub {
		// Our own hub asking us to relay (only a confused or lying peer
		// does): its link gets the value anyway, and everything we hold
		// would then be queued on it twice.
		return
	}
	if _, known := s.clients[client]; !known {
		n.requeue(n.links[client], n.store.all())
	}
	s.clients[client] = n.now
}

// current returns the clients heard from lately, except one, sorted; it
// forgets the others.
func (s *star) current(n *Node, except string) []string {
	var ids []string
	for id, at := range s.clients {
		switch {
		case n.now-at >= clientTicks*n.cfg.RetransmitTicks:
			delete(s.clients, id)
		case id != except:
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

// toHub queues v for the hub, asking it to fan v out.
func (s *star) toHub(n *Node, v messages.Value) {
	l := n.links[s.hub]
	n.queue(l, v)
	l.markRelay()
}

// targets is where this node's own values go: its hub, or every other node
// when it is its own hub.
func (s *star) targets(n *Node) []string {
	if s.hub == n.self {
		return n.peers
	}
	return []string{s.hub}
}

// tick fails over from a hub that has sat on our values, or left our probe
// unanswered, for the failover timeout.
func (s *star) tick(n *Node) {
	if s.hub != n.self && n.now >= s.wake(n) {
		s.reachable[s.hub] = false
		s.switchTo(n, s.choose(n))
	}
}

// progressed trusts a failed node again once it acknowledges something new:
// hearing from a node only shows it can reach us, an advancing ack shows it
// hears us too.
//
// Failing back to that node, this node hands it, to fan out, the values it
// heard from a stand-in hub meanwhile, and its own that it gave the
// stand-in (away): the stand-in alone was to carry them back across, with
// its retries, and if it has since been paused or killed this copy is the
// only one that can. It costs one batch
// per failback, and nothing when nothing failed.
func (s *star) progressed(n *Node, l *link) {
	if s.reachable[l.peer] {
		return
	}
	s.reachable[l.peer] = true
	s.switchTo(n, s.choose(n))
	if s.hub == l.peer && len(s.away) > 0 {
		n.requeue(l, s.away)
		l.markRelay()
		s.away = nil
	}
}

// wake is when tick would fail over: the failover timeout after the hub
// last made progress on values it has been sent, or after we started
// probing it.
func (s *star) wake(n *Node) int64 {
	l := n.links[s.hub]
	switch {
	case l == nil:
		return none
	case l.state == stateProbe:
		return l.probeSince + n.cfg.failoverTicks()
	case l.sent > 0:
		return l.progressAt + n.cfg.failoverTicks()
	}
	return none
}

// choose returns the first node in init order that is this node or believed
// reachable.
func (s *star) choose(n *Node) string {
	for _, id := range n.nodes {
		if id == n.self || s.reachable[id] {
			return id
		}
	}
	return n.self
}

// switchTo moves this node's client traffic to a new hub. Whatever the old
// hub has not acknowledged is queued for the new route too, so a value never
// waits on a node that cannot be reached; the old link keeps its queue and
// keeps retrying (with backoff), which is how the old hub proves it is back.
// Those retries no longer ask for a fan-out: the new route does that, and a
// node cut off for long walks through many hubs, each of which would
// otherwise fan the same values out to everyone after the heal.
func (s *star) switchTo(n *Node, to string) {
	from := s.hub
	if to == from {
		return
	}
	s.hub = to
	clear(s.clients) // who is cut off from whom has changed
	clear(s.asked)
	stranded := n.links[from]
	if stranded == nil { // from was this node: nothing is stranded
		return
	}
	stranded.unmarkRelay()
	targets := []string{to}
	if to == n.self {
		targets = n.peersExcept(from)
	}
	for _, p := range targets {
		n.requeue(n.links[p], stranded.unacked)
		if p == to {
			n.links[p].markRelay()
		}
		if n.catchingUp { // no peer knows this run yet: the new route must confirm it
			n.startProbe(n.links[p])
		}
	}
}

// requeue adds the values l does not already hold. Hubs can flap under
// asymmetric partitions; without this check every flap would copy the same
// values again and the queue would grow with time, not with values.
func (n *Node) requeue(l *link, vs []messages.Value) {
	held := make(map[messages.Value]bool, len(l.unacked))
	for _, v := range l.unacked {
		held[v] = true
	}
	var fresh []messages.Value
	for _, v := range vs {
		if !held[v] {
			fresh = append(fresh, v)
		}
	}
	if len(fresh) > 0 {
		n.queue(l, fresh...)
	}
}
