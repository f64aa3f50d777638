package actor

import (
	"fmt"
	"slices"

	"rumor/messages"
)

// The star strategy routes every value along a tree rooted at a hub. In
// fair weather the tree is a star: every node's parent is n0, the first
// node in init order, and n0 is the hub. One mechanism carries values
// around any cut, with one rule for routing and one for repair:
//
//   - Route. A hub sends every new value to every peer, batched. Any other
//     node sends a new value to its parent and to its children (the peers
//     whose path ends with it), except to the peer it came from: up the
//     tree at once, down with the link's batches. So a value climbs to the
//     hub and spreads from there down every branch, and a value that
//     enters the tree anywhere else (from a hub of another tree, say) does
//     the same. A node routes a value only the first time it sees it, so
//     nothing loops.
//   - Repair. Every node-to-node message carries its sender's path: the
//     hub first, then each node between, ending with the sender's parent
//     (empty for a hub). A node ranks the ways it could go by the hub they
//     lead to (earlier in init order is better) and then by their length,
//     and takes a better one as soon as the link to it is healthy
//     (progress.go): a node never attaches over a link that is not
//     healthy, and never to a peer whose path runs through itself. Being a
//     hub itself ranks as a path of length zero to its own place.
//
// When a node's parent stops answering (its link turns doubtful: one
// timeout), it seeks: it hands the values its parent has not acknowledged
// to a few peers, those it knows a better path through first, asking each
// to answer at once, and tells each a path that ends with that peer, so
// each takes it as a child meanwhile. If the parent is still silent two
// timeouts later (the link is dead), the node fails over to the best path
// it has heard of (the sought peers' answers carry theirs), or becomes a
// hub if none leads to a hub earlier than itself. So the first node in
// init order on each side of a clean split becomes that side's hub, and in
// a majorities ring, where n0 reaches only a majority, a node cut off from
// n0 attaches to a neighbour that reaches it.
//
// A node that hears a path leading to a worse hub than its own answers at
// once, with its own path, so the hub of a small group joins a larger tree
// within a round trip of hearing it; but only if it has heard from its own
// parent lately (fresh): a leaf cut off from its hub, with no values of
// its own to notice it by, still believes its old path, and offers none.
// After a heal, the retries across the old cut (heal.go) make the links to
// the old hub healthy again, and every node moves back to it, closest
// first, until the star is whole.
//
// A node that changes parent hands the new parent (a new hub, every peer)
// everything it holds: the old tree alone was to pass its values on, and if
// that tree's hub has been paused or killed since, this copy is the only
// one that can; and if the old tree was a loop of stale paths, nobody else
// will. A node that gains a child while not a hub hands the child
// everything it holds too: the child was cut off from its hub, and
// whatever reached this side meanwhile never reached it. Neither costs
// anything when nothing fails.
//
// Roles: a node is a hub or a leaf (a leaf with children relays for them),
// entered only through becomeHub and becomeLeaf, which reset the role's
// state and log the change as "hub <old> -> <new>: <reason>", where <old>
// and <new> are where the node's values went and go now (the parent, or
// the node itself as a hub) and the reason is one of:
//
//   - failover: the parent stopped answering;
//   - closer: a path to an earlier hub, or a shorter one to the same, was
//     found, over a healthy link (the usual way back after a heal);
//   - loop: the parent's path came to run through this node;
//   - outranked: the parent's path came to lead to a hub later in init
//     order than this node, which then does better as a hub itself.
type tree struct {
	order    map[string]int // each node's place in init order
	self     int            // this node's place
	parent   string         // where this node's values go; "" when it is a hub
	paths    map[string][]string
	children []string // peers whose last path ends with this node, sorted
	mine     []string // this node's path; replaced, never modified, so messages may share it
	// seeking are the peers sought while the parent is doubtful; they get
	// this node's new values too, until the parent answers or the node
	// fails over.
	seeking   []string
	seekPaths map[string][]string // the path told to each peer sought; see path
	// answered is when this node last answered each peer at once for
	// showing a worse hub, so that a peer that cannot join (a one-way cut)
	// is answered at most once a timeout.
	answered map[string]int64
}

// maxDepth bounds the paths a node takes: Maelstrom's partitions never
// need more than two hops from a hub, and any path this long is stale or
// looping.
const maxDepth = 16

// The reasons for a change of hub, as logged.
const (
	reasonFailover  = "failover"
	reasonCloser    = "closer"
	reasonLoop      = "loop"
	reasonOutranked = "outranked"
)

func (t *tree) start(n *Node) {
	t.order = make(map[string]int, len(n.nodes))
	for i, id := range n.nodes {
		t.order[id] = i
	}
	t.self = t.order[n.self]
	t.paths = make(map[string][]string)
	t.seekPaths = make(map[string][]string)
	t.answered = make(map[string]int64)
	if t.self == 0 {
		return // the first node is the hub everyone assumes
	}
	t.parent = n.nodes[0]
	t.paths[t.parent] = nil // assumed a hub until it says otherwise
	t.mine = []string{t.parent}
	n.links[t.parent].askNow = true
}

func (*tree) offered([]string) {}

// path is this node's path, as told to peer. To a peer it seeks through,
// it is the path it would have with that peer as its parent, so that the
// peer takes it as a child at once (child) and hands it what it hears,
// while the node's own parent is doubtful: values then flow both ways
// through the peers sought from the first timeout on, not only from the
// failover. A node that has not heard from its parent lately (see fresh)
// offers no path at all, as if it were a hub, ranked by its own place:
// nobody follows it towards a hub it may no longer reach.
func (t *tree) path(n *Node, peer string) []string {
	if slices.Contains(t.seeking, peer) {
		if p, ok := t.seekPaths[peer]; ok {
			return p
		}
	}
	if !t.fresh(n) {
		return nil
	}
	return t.mine
}

func (t *tree) hub(n *Node) string {
	if t.parent == "" {
		return n.self
	}
	return t.parent
}

// carries reports whether values travel the link to peer now: every link
// of a hub; a leaf's links to its parent, its children and the peers it
// seeks through. A leaf's other links hold only what it also handed its
// parent when it took it (becomeLeaf) or what its parent still holds (a
// seek's copies), so retrying them every M across a cut would repeat, for
// as long as the cut lasts, messages that carry nothing new: on a long
// :minority-third split that was most of the messages dropped.
func (t *tree) carries(n *Node, peer string) bool {
	return t.parent == "" || peer == t.parent || slices.Contains(t.children, peer) || slices.Contains(t.seeking, peer)
}

// targets is where this node's own values go: its parent, or every peer
// when it is a hub.
func (t *tree) targets(n *Node) []string {
	if t.parent == "" {
		return n.peers
	}
	return []string{t.parent}
}

// route sends v on: a hub to every peer, in its batches; a leaf to its
// parent and its children, and while it seeks to the peers it sought, all
// at once.
func (t *tree) route(n *Node, v messages.Value, from string) {
	if t.parent == "" {
		n.enqueueAll(n.peersExcept(from), v)
		return
	}
	// Up the tree, towards the hub, a value goes at once: the hub batches
	// it anyway, and every hop up waits nowhere. Down and across, to
	// children, it goes with the link's batches: a relay with children
	// under load would otherwise send each of them a message per value.
	up := from == "" || slices.Contains(t.children, from) || slices.Contains(t.seeking, from)
	send := func(p string, urgent bool) {
		if p != from {
			l := n.links[p]
			n.queue(l, v)
			if urgent {
				l.markUrgent()
			}
		}
	}
	send(t.parent, up)
	for _, p := range t.children {
		send(p, false)
	}
	for _, p := range t.seeking {
		if p != t.parent && !slices.Contains(t.children, p) {
			send(p, true) // the way up while the parent is doubtful
		}
	}
}

// heard learns a peer's path and reacts to it: a parent's new path changes
// this node's own (and may make the parent unusable), a peer's may offer a
// better way, or show a worse hub that should hear of this node's.
func (t *tree) heard(n *Node, l *link, path []string) {
	p := l.peer
	if old, known := t.paths[p]; !known || !slices.Equal(old, path) {
		t.paths[p] = slices.Clone(path)
		t.child(n, l, path)
	}
	if p == t.parent {
		t.mine = append(slices.Clone(path), p)
		if !t.usable(n, p) {
			t.rehome(n, t.unusable(n, p))
		}
		return
	}
	if t.eligible(n, p) && t.better(n, p) {
		t.becomeLeaf(n, p, reasonCloser)
		return
	}
	if t.hubOf(p, path) > t.hubOf(n.self, t.mine) && t.fresh(n) && n.now-t.answeredAt(p) >= n.rto(l, true) {
		t.answered[p] = n.now
		n.answerNow(l)
	}
}

// fresh reports whether this node has lately heard from its parent (or is
// a hub): only then is its path worth offering to a node that has none as
// good. A leaf cut off from its hub, with no values of its own to notice
// it by, still believes its old path; offered, it would draw others into
// a tree whose root it cannot reach.
func (t *tree) fresh(n *Node) bool {
	return t.parent == "" || n.now-n.links[t.parent].lastHeard <= n.cfg.MaxRetransmitTicks
}

func (t *tree) answeredAt(p string) int64 {
	if at, ok := t.answered[p]; ok {
		return at
	}
	return never
}

// child keeps the children list in step with a peer's new path. A leaf
// that gains a child hands it everything it holds.
func (t *tree) child(n *Node, l *link, path []string) {
	is := len(path) > 0 && path[len(path)-1] == n.self
	i, was := slices.BinarySearch(t.children, l.peer)
	switch {
	case is && !was:
		t.children = slices.Insert(t.children, i, l.peer)
		if t.parent != "" {
			n.requeue(l, n.store.all())
			l.markUrgent()
		}
	case !is && was:
		t.children = slices.Delete(t.children, i, i+1)
	}
}

// changed reacts to a link's health: the parent's doubt starts a seek, its
// death a failover, its recovery ends the seek; any other link that turns
// healthy may be a better way now.
func (t *tree) changed(n *Node, l *link, _, now health) {
	if l.peer == t.parent {
		switch now {
		case doubtful:
			t.seek(n)
		case dead:
			t.rehome(n, reasonFailover)
		case healthy:
			t.seeking = nil
		}
		return
	}
	if now != healthy && slices.Contains(t.seeking, l.peer) {
		t.seek(n) // a way sought is doubtful too: seek another
		return
	}
	if now == healthy && t.eligible(n, l.peer) && t.better(n, l.peer) {
		t.becomeLeaf(n, l.peer, reasonCloser)
	}
}

// seek hands the values the parent has not acknowledged to a few peers
// (seekFanout), over healthy links, asking each to answer at once: first
// those it knows a better path through, best first, then the others in
// init order, skipping any whose path runs through this node. Each takes
// this node as a child (path), so values flow both ways through them
// while the parent is doubtful; their answers carry their paths, so when
// the parent is found dead the node knows where to go. A sought peer that
// turns doubtful itself is replaced (changed).
func (t *tree) seek(n *Node) {
	stranded := n.links[t.parent].unacked
	if len(stranded) == 0 {
		return
	}
	var better, others []string
	for _, p := range n.nodes {
		l, ok := n.links[p]
		if !ok || p == t.parent || l.out.health() != healthy {
			continue
		}
		path, known := t.paths[p]
		switch {
		case known && slices.Contains(path, n.self):
			// p reaches its hub through this node
		case known && t.eligible(n, p) && t.better(n, p):
			better = append(better, p)
		default:
			others = append(others, p)
		}
	}
	slices.SortStableFunc(better, func(a, b string) int {
		ra, rb := t.rankVia(a), t.rankVia(b)
		switch {
		case ra.less(rb):
			return -1
		case rb.less(ra):
			return 1
		}
		return 0
	})
	sought := append(better, others...)
	sought = sought[:min(len(sought), seekFanout)]
	slices.Sort(sought)
	t.seeking = sought
	clear(t.seekPaths)
	for _, p := range sought {
		l := n.links[p]
		t.seekPaths[p] = append(slices.Clone(t.paths[p]), p)
		n.requeue(l, stranded)
		l.markUrgent()
		l.askNext = true
	}
}

// seekFanout is how many peers a node with a doubtful parent seeks
// through. In Maelstrom's partitions any two nodes that can be connected
// share a neighbour, but a node does not know which; three makes it likely
// that one of them reaches the hub, at three messages per doubtful parent.
const seekFanout = 3

// rehome leaves a parent that can no longer be used, for the best path
// known, or to be a hub.
func (t *tree) rehome(n *Node, reason string) {
	if best := t.best(n); best != "" {
		t.becomeLeaf(n, best, reason)
		return
	}
	t.becomeHub(n, reason)
}

// best returns the best peer to attach to, or "" if being a hub is better
// than any.
func (t *tree) best(n *Node) string {
	best := ""
	for _, p := range n.peers {
		if p == t.parent || !t.eligible(n, p) {
			continue
		}
		if best == "" || t.rankVia(p).less(t.rankVia(best)) {
			best = p
		}
	}
	return best
}

// rank orders ways to a hub: by the hub's place in init order, then by the
// number of hops.
type rank struct{ hub, hops int }

func (r rank) less(o rank) bool { return r.hub < o.hub || r.hub == o.hub && r.hops < o.hops }

// hubOf is the place in init order of the hub a node with the given path
// leads to.
func (t *tree) hubOf(id string, path []string) int {
	if len(path) > 0 {
		id = path[0]
	}
	if i, ok := t.order[id]; ok {
		return i
	}
	return len(t.order) // a stranger's hub ranks last
}

// rankVia is this node's rank if its parent were p.
func (t *tree) rankVia(p string) rank {
	path := t.paths[p]
	return rank{hub: t.hubOf(p, path), hops: len(path) + 1}
}

// current is this node's rank as it is.
func (t *tree) current() rank {
	if t.parent == "" {
		return rank{hub: t.self}
	}
	return t.rankVia(t.parent)
}

// better reports whether p offers a better rank than this node has.
func (t *tree) better(n *Node, p string) bool { return t.rankVia(p).less(t.current()) }

// usable reports whether p's path, as last heard, could be this node's
// parent's: it does not run through this node, is not absurdly long, and
// leads to a hub earlier than this node.
func (t *tree) usable(n *Node, p string) bool { return t.unusable(n, p) == "" }

// unusable says why p's path cannot be this node's parent's, or "".
func (t *tree) unusable(n *Node, p string) string {
	path, known := t.paths[p]
	switch {
	case !known:
		return "unknown"
	case slices.Contains(path, n.self), len(path) >= maxDepth:
		return reasonLoop
	case t.hubOf(p, path) > t.self:
		return reasonOutranked
	}
	return ""
}

// eligible reports whether this node may attach to p now: p's path is
// usable, the link to p is healthy, and p was heard from within M. A path
// heard before the last cut says nothing of this one: in a star a leaf
// hears other leaves only around a fault, and a path learnt at the last
// heal led failing-over nodes to peers they had been cut off from since,
// each costing a timeout, a store handed over and a message per value
// until the link turned doubtful.
func (t *tree) eligible(n *Node, p string) bool {
	l := n.links[p]
	return l.out.health() == healthy && n.now-l.lastHeard <= n.cfg.MaxRetransmitTicks && t.usable(n, p)
}

// becomeLeaf makes p this node's parent: its values go to p at once, and
// p is asked to answer at once, so that its silence shows within a
// timeout. p is handed what the old parent had not acknowledged and what
// this node accepted since it last changed parent.
func (t *tree) becomeLeaf(n *Node, p, reason string) {
	was := t.hub(n)
	if t.parent != "" {
		n.links[t.parent].askNow = false
	}
	t.parent, t.seeking = p, nil
	t.mine = append(slices.Clone(t.paths[p]), p)
	l := n.links[p]
	l.askNow = true
	n.requeue(l, n.store.all())
	l.markUrgent()
	if n.catchingUp {
		n.startProbe(l)
	}
	n.note(fmt.Sprintf("hub %s -> %s: %s", was, p, reason))
}

// becomeHub makes this node a hub: its values, and those its old parent
// had not acknowledged, go to every peer in its batches.
func (t *tree) becomeHub(n *Node, reason string) {
	was := t.hub(n)
	if t.parent != "" {
		n.links[t.parent].askNow = false
	}
	for _, p := range n.peers {
		n.requeue(n.links[p], n.store.all())
	}
	t.parent, t.seeking, t.mine = "", nil, nil
	if n.catchingUp {
		for _, p := range n.peers {
			n.startProbe(n.links[p])
		}
	}
	n.note(fmt.Sprintf("hub %s -> %s: %s", was, n.self, reason))
}

// requeue adds the values l does not already hold. Hubs can flap under
// asymmetric partitions; without this check every flap would copy the same
// values again and the queue would grow with time, not with values.
func (n *Node) requeue(l *link, vs []messages.Value) {
	if len(vs) == 0 {
		return
	}
	held := make(map[messages.Value]bool, len(l.unacked))
	for _, v := range l.unacked {
		held[v] = true
	}
	var fresh []messages.Value
	for _, v := range vs {
		if !held[v] {
			held[v] = true
			fresh = append(fresh, v)
		}
	}
	if len(fresh) > 0 {
		n.queue(l, fresh...)
	}
}
