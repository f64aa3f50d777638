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
//     tree at once, down with its parent's batches. So a value climbs to
//     the hub and spreads from there down every branch, and a value that
//     enters the tree anywhere else (from a hub of another tree, say) does
//     the same. A node routes a value only the first time it sees it, so
//     nothing loops.
//   - Repair. Every node-to-node message carries its sender's path (the
//     hub first, then each node between, ending with the sender's parent;
//     empty for a hub) and how new that path is known to be: the hub's
//     clock on the newest message from the hub that reached the sender
//     along it (hub_ts; a hub sends its clock). A node ranks the ways it
//     could go by the hub they lead to (earlier in init order is better)
//     and then by their length, and takes a better one as soon as the link
//     to it is healthy, but only if it is news: the peer is a hub, or its
//     stamp for that hub is newer than any that reached this node along
//     its own path (newer). A node cut off from its hub still believes
//     its old path, and so does every node cut off with it; their stamps,
//     frozen at the cut, show it, so they never follow each other round in
//     a loop of stale paths (destination sequence numbers, as in DSDV).
//
// A node notices that its parent is gone in two ways: its own values go
// unanswered for a timeout, or its parent falls silent after promising
// more (Gossip.More: a hub promises its next message within a batch
// interval with every batch, plan.go, and with its greeting at topology,
// offered), which a leaf with no values of its own notices too, by the
// hub's own clock (lag.go); and a peer that asks (seek) with news as old
// as the node's own, or any message with newer news, makes it check with
// its parent (verify, checkParent). Either way the parent's link turns
// doubtful and the node seeks: it hands what its parent has
// not acknowledged to the peers whose way is news, best first; if it
// knows none, it asks a round of peers (queryFanout, Ack.Ask), telling
// each its own path and stamp and handing each what its parent has not
// acknowledged (Ack.Values), and a peer whose way to the same hub is
// newer answers at once with everything it holds (knowsBetter, answer),
// takes the node as a child and passes those values up at once, which
// makes it one to seek through. Each
// peer sought is told a path that ends with it, so it takes the node as a
// child meanwhile and values flow both ways around the cut. If the
// parent's link dies (two more timeouts), the node fails over to the best
// way that is news, or, with none, becomes an orphan: it waits a turn
// (two timeouts) for each node before it in init order that it has heard
// from since its parent turned doubtful (at most maxOrphanTurns), then
// becomes a hub. So the first node
// in init order on each side of a clean split becomes that side's hub and
// the others join it rather than each fanning its store out to every
// peer, and in a majorities ring a node cut off from n0 finds a neighbour
// that reaches it within a round trip of asking.
//
// A node that hears a path leading to a worse hub than its own answers at
// once, with its own path, so the hub of a small group joins a larger tree
// within a round trip of hearing it. After a heal, the retries across the
// old cut (heal.go) make the links to the old hub healthy again, and every
// node moves back to it, closest first, until the star is whole.
//
// A node that changes parent hands the new parent (a new hub, every peer)
// everything it holds: the old tree alone was to pass its values on, and if
// that tree's hub has been paused or killed since, this copy is the only
// one that can. A node that gains a child while not a hub hands the child
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
//     order than this node, which then does better as a hub itself (at
//     its turn, as an orphan, see rehome).
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
	// tried are the peers sought since the parent last turned doubtful:
	// a sought peer that turns doubtful itself is replaced by one not yet
	// tried, so one doubt costs at most one message to each peer.
	tried map[string]bool
	// orphan says the parent is dead and no peer offers a way to a hub
	// earlier than this node: it will become a hub itself at hubAt, unless
	// a way turns up first (see rehome).
	orphan       bool
	orphanReason string // why the node left its parent's way: the reason logged at hubAt
	hubAt        int64
	// doubtedAt is when the parent last turned doubtful: the peers heard
	// from since shortly before are the ones a cut stranded with this node.
	doubtedAt int64
	// querying says a round of peers was asked for a newer way (seek) and
	// the next round is due at queryAt if none has answered.
	querying bool
	queryAt  int64
	rounds   int // query rounds since the parent last turned doubtful
	// newsVia is, for each hub (by place in init order), the newest stamp
	// of that hub's clock that reached this node along its own path
	// (Gossip.HubTS): what it knows itself of how the way to that hub
	// stood. hubTSOf is each peer's stamp as last heard. A peer's way to
	// a hub counts as news only if its stamp is newer than this node's
	// own for that hub (newer): a peer cut off from the hub at the same
	// moment as this node still believes its path, and its stamp, frozen
	// at the cut, says so. (Routing with destination sequence numbers,
	// as DSDV does, avoids loops the same way.)
	newsVia map[int]uint64
	hubTSOf map[string]uint64
	// answered is when this node last answered each peer at once for
	// showing a worse hub, so that a peer that cannot join (a one-way cut)
	// is answered at most once a timeout.
	answered map[string]int64
	// askers are the peers whose way to this node's hub is as new as this
	// node's own (equal stamps) and that asked (Ack.Ask): this node cannot
	// tell them whether its way still holds, so it checks with its parent
	// (verify), and answers them once the parent is heard with a newer
	// stamp. Cleared when the parent is heard or turns doubtful.
	askers []string
	// parentTS is the newest stamp heard from the parent's run
	// (parentInc) since it became the parent: a promise (Gossip.More)
	// older than that is stale.
	parentTS  uint64
	parentInc uint64
	// hubLag is how late, by this node's clock, the stamps of its parent
	// arrive when the parent is a hub: the deadline of the hub's promises
	// (lag.go). Reset with the parent, and when the parent restarts: its
	// clock starts over, and one lag measured against the old clock put a
	// promise's deadline hundreds of ticks late.
	hubLag lag
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
	t.tried = make(map[string]bool)
	t.newsVia = make(map[int]uint64)
	t.hubTSOf = make(map[string]uint64)
	t.answered = make(map[string]int64)
	if t.self == 0 {
		return // the first node is the hub everyone assumes
	}
	t.parent = n.nodes[0]
	t.paths[t.parent] = nil // assumed a hub until it says otherwise
	t.mine = []string{t.parent}
	n.links[t.parent].askNow = true
}

// offered greets: the topology comes once every node has answered init,
// to every node at about the same moment, so the nodes may now talk. The
// hub greets every peer with an acknowledgement (which carries its clock,
// hub_ts) that promises its next message soon (More, greetingPromise),
// and a leaf expects its hub's greeting within the round-trip allowance
// R₀: one hop, and the time Maelstrom takes to hand every node its
// topology, with room to spare. A leaf that the hub does not reach (a
// cut from the first moment) thus notices before it has values of its own
// to notice it by, and one that it does reach hears it after one hop
// however long the hop is, where a hello of its own would need a round
// trip (at --latency 200, 400 ms: more than R₀, which made every leaf take
// its hub for silent at the start). Maelstrom's first partition starts
// as the run does, after the greetings have mostly left: the promise is
// what shows a leaf the cut then, soon after the greeting (the hub's
// next message, values or a keep, does not come), and not when its own
// values first go unanswered, a second or more into the run.
func (t *tree) offered(n *Node, _ []string) {
	if t.parent == "" {
		for _, p := range n.peers {
			l := n.links[p]
			l.ackPromise = greetingPromise(n)
			n.answerNow(l)
		}
		return
	}
	l := n.links[t.parent]
	if l.out.state == stateReplicate && l.lastHeard == never && l.expectBy == never {
		l.expectBy = n.now + n.cfg.RetransmitTicks
		n.activate(l) // or it would not wake for it
	}
}

// greetingPromise is how soon a hub's greeting promises its next message:
// a fifth of a batch interval (50 ms by default), at least a tick. A cut
// drawn as the run starts, after the greeting went, then shows a leaf a
// batch interval sooner than a batch's promise would (at the price of one
// keep per leaf per run, when no batch goes first), and later than the
// few milliseconds Maelstrom takes to draw it, so that the keep is cut
// too.
func greetingPromise(n *Node) int64 { return max(1, n.batch/5) }

// path is this node's path, as told to peer. To a peer it seeks through,
// it is the path it would have with that peer as its parent, so that the
// peer takes it as a child at once (child) and hands it what it hears,
// while the node's own parent is doubtful: values then flow both ways
// through the peers sought from the first timeout on, not only from the
// failover. A path may be stale (its owner cut off and not knowing it
// yet); its stamp (hubTS) lets the receiver tell (newer).
func (t *tree) path(n *Node, peer string) []string {
	if slices.Contains(t.seeking, peer) {
		if p, ok := t.seekPaths[peer]; ok {
			return p
		}
	}
	return t.mine
}

// hubTS is how new this node's path is: its own clock for a hub, else the
// newest stamp of its hub's that reached it along its path.
func (t *tree) hubTS(n *Node) uint64 {
	if t.parent == "" {
		return uint64(n.now) + 1
	}
	return t.newsVia[t.hubOf(n.self, t.mine)]
}

// newer reports whether p's way to its hub is news to this node: p is a
// hub itself, or its stamp for that hub is newer than any that reached
// this node along its own path.
func (t *tree) newer(p string) bool {
	path := t.paths[p]
	return len(path) == 0 || t.hubTSOf[p] > t.newsVia[t.hubOf(p, path)]
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
// at once. A late value (late) goes on at once from a hub too, and from a
// leaf to its children and up, marked late for its parent.
func (t *tree) route(n *Node, v messages.Value, from string) {
	late := t.late(n, from) && n.lateDue()
	if t.parent == "" {
		if late {
			n.enqueueNow(n.peersExcept(from), v)
			return
		}
		n.enqueueAll(n.peersExcept(from), v)
		return
	}
	// Up the tree, towards the hub, a value goes at once: the hub batches
	// it anyway, and every hop up waits nowhere. Down, a parent's batch is
	// passed on to the children at once too: it is a batch already, so
	// this costs a relay no more messages than its own batches would, and
	// saves a batch interval per relay on the way round a cut. Values from
	// anywhere else go to children with the link's batches: a relay with
	// children under load would otherwise send each of them a message per
	// value.
	up := from == "" || late || slices.Contains(t.children, from) || slices.Contains(t.seeking, from)
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
	if late && t.parent != from {
		n.links[t.parent].late = true
	}
	for _, p := range t.children {
		send(p, from == t.parent || late)
	}
	// The peers sought are the way up while the parent is doubtful; but
	// only this node's own values go to them at once. What it relays goes
	// with the link's batches (at once after a quiet batch interval): a
	// relay seeking through three peers sent each of them a message per
	// value it passed on, cut off or not.
	for _, p := range t.seeking {
		if p != t.parent && !slices.Contains(t.children, p) {
			send(p, from == "")
		}
	}
}

// late reports whether a value from peer from is late already, so that
// every hop passes it on at once rather than with its next batch: it came
// across a cut as the cut healed, or from a node that had it so (a late
// gossip; Node.crossed, heal.go), or from a peer off this node's tree
// (neither its parent, nor a child, nor a way it seeks), which hands it
// values only when the tree did not: a stand-in hub's retry across a heal
// that reached a leaf of the other side, an answer to a question. After a
// 15 s cut, a leaf handed its stand-in hub's values by such a retry passed
// them to its hub, which held them for 143 ms, until its next batch (3d +
// partition seed 16). In fair weather no value is late: a leaf hears from
// its hub alone, a hub from its leaves. Late values go at once at most
// once per batch interval (Node.lateDue).
func (t *tree) late(n *Node, from string) bool {
	if n.crossed {
		return true
	}
	return from != "" && from != t.parent && !slices.Contains(t.children, from) && !slices.Contains(t.seeking, from)
}

// heard learns a peer's path and reacts to it: a parent's new path changes
// this node's own (and may make the parent unusable), a peer's may offer a
// better way, or show a worse hub that should hear of this node's.
func (t *tree) heard(n *Node, l *link, s standing) {
	p, path, hubTS := l.peer, s.path, s.hubTS
	t.hubTSOf[p] = hubTS
	if old, known := t.paths[p]; !known || !slices.Equal(old, path) {
		t.paths[p] = slices.Clone(path)
		t.child(n, l, path)
	}
	if p == t.parent {
		if inc := l.incs.ToInc; inc != t.parentInc {
			t.parentInc, t.parentTS, t.hubLag = inc, 0, lag{} // a new run: a new clock
		}
		t.mine = append(slices.Clone(path), p)
		t.learn(p)
		if !t.usable(n, p) {
			t.rehome(n, t.unusable(n, p))
			return
		}
		if t.orphan && n.links[p].out.health() == healthy {
			// An outranked node waiting its turn whose parent has since
			// joined an earlier hub: its way is good again.
			t.orphan = false
		}
		// A hub stamps every message with its clock, so a promise
		// stamped no newer than a message already heard from it was
		// overtaken on the way, or is a duplicate: it was kept already.
		// (Two parts of one large batch carry the same stamp; the first
		// to arrive brings the promise.)
		if len(path) == 0 && hubTS > 0 && !n.fence.up {
			// Not behind the pause fence: a message read after this
			// node's pause waited out the pause, as a round trip does
			// (rtt.go), and would hold every deadline after it late.
			t.hubLag.sample(n.now-int64(hubTS-1), n.cfg.RetransmitTicks)
		}
		if s.more > 0 && hubTS > t.parentTS {
			// See plan.go, actQuiet. A greeting is an acknowledgement,
			// which leaves the link idle: it must wake for the deadline.
			l.expectBy = max(t.hubLag.due(int64(hubTS-1), s.more), n.now+1)
			n.activate(l)
		}
		t.parentTS = max(t.parentTS, hubTS)
		t.answerAskers(n)
		return
	}
	if t.eligible(n, p) && t.better(n, p) {
		t.becomeLeaf(n, p, reasonCloser)
		return
	}
	if t.seekingWay(n) && len(t.seeking) < seekFanout && !slices.Contains(t.seeking, p) && t.eligible(n, p) {
		t.seekThrough(n, p) // p showed a newer way, most likely answering
		return
	}
	if t.declines(n, p, s) {
		t.answer(n, l, path, false)
		return
	}
	if n.now-t.answeredAt(p) < n.rto(l, true) {
		return
	}
	if t.knowsBetter(n, p, path) {
		t.answer(n, l, path, s.asks)
		return
	}
	switch t.newsFrom(n, p, path) {
	case sameNews:
		if s.asks {
			t.verify(n, p)
		}
	case newerNews:
		t.checkParent(n)
	}
}

// declines reports whether p handed this node values as to a child (it
// answered a question of this node's, answer) that this node does not
// take as a way: it is neither the parent nor a way sought, so p must
// hear at once this node's own path, which does not end with p, rather
// than with the acknowledgement up to A later, or it goes on passing this
// node every batch it hears meanwhile.
func (t *tree) declines(n *Node, p string, s standing) bool {
	return s.values && len(s.path) > 0 && t.parent != "" && !slices.Contains(t.seeking, p) &&
		!slices.Contains(t.children, p) && n.now-t.answeredAt(p) >= n.rto(n.links[p], true)
}

// news is how a peer that is neither this node's parent nor its child,
// and not a hub, shows its way to this node's own hub, as newsFrom
// reports it.
type news int

const (
	noNews news = iota
	// sameNews: exactly as new as this node's own. It happens when the
	// hub has been idle since both last heard it (at the start, or
	// between bursts): every stamp is the same, and a question would go
	// unanswered by the very peers that still reach the hub.
	sameNews
	// newerNews: the peer heard the hub since this node last did, so this
	// node may be missing its hub's messages without knowing it (the
	// promise that would have told it was lost to the cut).
	newerNews
)

// newsFrom reports how p's message bears on this node, fresh as it is:
// a question with sameNews makes it check with its parent and answer
// later (verify), newerNews makes it check with its parent
// (checkParent).
func (t *tree) newsFrom(n *Node, p string, path []string) news {
	// A hub (an empty path) is news itself.
	if t.parent == "" || !t.fresh(n) || len(path) == 0 || path[len(path)-1] == n.self || t.hubOf(p, path) != t.hubOf(n.self, t.mine) {
		return noNews
	}
	switch theirs, mine := t.hubTSOf[p], t.hubTS(n); {
	case theirs == mine:
		return sameNews
	case theirs > mine:
		return newerNews
	}
	return noNews
}

// verify answers p, which asked, once the parent is heard next
// (answerAskers), which brings a newer stamp, and checks with the parent
// meanwhile.
func (t *tree) verify(n *Node, p string) {
	t.answered[p] = n.now
	if !slices.Contains(t.askers, p) {
		t.askers = append(t.askers, p)
	}
	t.checkParent(n)
}

// checkParent says hello to the parent if it owes this node nothing (no
// promise, no hello pending: it has been idle); otherwise its next
// message, or its silence, comes soon anyway. If the parent stays silent,
// this node learns it is cut off.
func (t *tree) checkParent(n *Node) {
	l := n.links[t.parent]
	if l.expectBy != never || l.hello {
		return
	}
	l.hello = true
	n.answerNow(l)
	// The parent answers a hello at once, and by now the link has most
	// likely measured its round trip.
	l.expectBy = n.now + n.roundTrip(l)
}

// answerAskers answers, at once, the peers that asked while this node
// could not tell (verify), now that its parent has been heard again.
func (t *tree) answerAskers(n *Node) {
	for _, p := range t.askers {
		if t.knowsBetter(n, p, t.paths[p]) {
			t.answer(n, n.links[p], t.paths[p], true)
		}
	}
	t.askers = t.askers[:0]
}

// answer tells the peer of l this node's path at once (knowsBetter,
// declines). A leaf answering the question (Ack.Ask) of a peer of its own
// hub, whose news of it is older, takes the peer as a child at once, as
// if it had sought through this node already: the peer is cut off, and so has what
// it missed, and what this node's parent sends next, one round trip after
// asking rather than two (its seek, and the handover to a new child). It
// costs no message more: the answer is the handover, and the peer's
// acknowledgement rides on its seek, or, if it seeks elsewhere, tells
// this node at once that it is not a child after all (heard, declines).
// A hub's own stream to the peer carries everything already.
func (t *tree) answer(n *Node, l *link, path []string, asked bool) {
	t.answered[l.peer] = n.now
	if asked && t.parent != "" && t.hubOf(l.peer, path) == t.hubOf(n.self, t.mine) {
		adopted := append(slices.Clone(path), n.self)
		t.paths[l.peer] = adopted
		t.child(n, l, adopted)
	}
	n.answerNow(l)
}

// knowsBetter reports whether this node should tell p its own path at
// once: p's path leads to a hub later in init order than this node's, or
// to the same hub with an older stamp (p is most likely cut off from it
// and asking: seek), and this node has heard from its own parent lately
// over a healthy link (fresh; nodes cut off at the same moment got the
// same last batch, so their stamps are equal and none answers another). A
// child hears this node's path anyway.
func (t *tree) knowsBetter(n *Node, p string, path []string) bool {
	if !t.fresh(n) || len(path) > 0 && path[len(path)-1] == n.self {
		return false
	}
	theirs, mine := t.hubOf(p, path), t.hubOf(n.self, t.mine)
	if theirs != mine {
		return theirs > mine
	}
	return t.hubTS(n) > t.hubTSOf[p]
}

// fresh reports whether this node has lately heard from its parent (or is
// a hub), over a healthy link: only then does it answer a peer whose way
// is worse (knowsBetter). A node that has just noticed its parent's
// silence must not draw others towards the path it is itself replacing.
func (t *tree) fresh(n *Node) bool {
	if t.parent == "" {
		return true
	}
	l := n.links[t.parent]
	return l.out.health() == healthy && heardLately(n, l)
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
			t.doubtedAt = n.now
			t.askers = t.askers[:0]
			t.endSeek(n, "")
			t.seek(n)
		case dead:
			t.rehome(n, reasonFailover)
		case healthy:
			t.endSeek(n, "")
			t.orphan = false
		}
		return
	}
	if i := slices.Index(t.seeking, l.peer); i >= 0 && now != healthy {
		// A way sought is doubtful too: try another instead.
		l.askNow = false
		t.seeking = slices.Delete(t.seeking, i, i+1)
		delete(t.seekPaths, l.peer)
		t.seek(n)
		return
	}
	if now == healthy && t.eligible(n, l.peer) && t.better(n, l.peer) {
		t.becomeLeaf(n, l.peer, reasonCloser)
	}
}

// seek looks for another way to a hub while the parent is doubtful or
// dead. It seeks through the peers whose way is news (eligible: healthy,
// heard from lately, usable and newer), best first, up to seekFanout in
// all (seekThrough). If it knows none, it asks a round of queryFanout
// peers it has not tried, starting at its own place in init order so
// that the nodes a cut strands ask different peers first: each is sent
// this node's path and stamp in an acknowledgement, with the values its
// parent has not acknowledged, and a peer that knows
// a newer way answers at once (knowsBetter), which makes it one to seek
// through (heard). Another round follows a round trip later if none has
// answered, up to maxQueryRounds. A sought peer that turns doubtful
// itself is replaced (changed).
func (t *tree) seek(n *Node) {
	var proven []string
	for _, p := range n.peers {
		if !t.tried[p] && !slices.Contains(t.seeking, p) && t.eligible(n, p) {
			proven = append(proven, p)
		}
	}
	slices.SortStableFunc(proven, func(a, b string) int {
		ra, rb := t.rankVia(a), t.rankVia(b)
		switch {
		case ra.less(rb):
			return -1
		case rb.less(ra):
			return 1
		}
		return 0
	})
	for _, p := range proven[:min(len(proven), max(seekFanout-len(t.seeking), 0))] {
		t.seekThrough(n, p)
	}
	if len(t.seeking) > 0 || t.rounds == maxQueryRounds {
		return
	}
	// Nobody is known to have a newer way: ask a round of peers, each
	// told this node's path and stamp; those that know newer answer at
	// once (heard), and the first to answer is sought. Another round
	// follows a round trip later if none has; once every peer has been
	// asked, the next round asks them again, since news may have reached
	// them since.
	// Each question carries what the parent has not acknowledged (one
	// batch's worth at most, Ack.Values): whoever answers passes it up at
	// once, a round trip before this node could seek through it. Values
	// accepted while the hub's promise ran late are otherwise the slowest
	// of a cut drawn as the run starts.
	var carried []messages.Value
	if stranded := n.links[t.parent].unacked; len(stranded) > 0 {
		carried = slices.Clone(stranded[:batchEnd(stranded, 0)])
	}
	asked := 0
	for pass := 0; pass < 2 && asked == 0; pass++ {
		if pass == 1 {
			for p := range t.tried {
				if !slices.Contains(t.seeking, p) {
					delete(t.tried, p)
				}
			}
		}
		for _, p := range rotate(n.nodes, t.self) {
			l, ok := n.links[p]
			if !ok || p == t.parent || t.tried[p] || l.out.health() != healthy || slices.Contains(t.paths[p], n.self) {
				continue
			}
			if asked == queryFanout {
				break
			}
			t.tried[p] = true
			l.question, l.carried = true, carried
			n.answerNow(l)
			asked++
		}
	}
	if asked > 0 {
		t.rounds++
		// Answers come at once, so a round trip (as the parent link
		// measures it, or the node's links together: roundTrip) is all
		// a round waits.
		t.querying, t.queryAt = true, n.now+n.roundTrip(n.links[t.parent])
	}
}

// seekThrough seeks through p: hands it what the parent has not
// acknowledged (or, with nothing stranded, an acknowledgement) with a path
// that makes p take this node as a child, so values flow both ways
// through p while the parent is doubtful, and asks it to answer at once.
func (t *tree) seekThrough(n *Node, p string) {
	t.tried[p] = true
	t.seeking = append(t.seeking, p)
	slices.Sort(t.seeking)
	l := n.links[p]
	l.askNow = true // its silence must show within a timeout too
	t.seekPaths[p] = append(slices.Clone(t.paths[p]), p)
	stranded := n.links[t.parent].unacked
	if len(stranded) == 0 {
		n.answerNow(l)
		return
	}
	n.requeue(l, stranded)
	l.markUrgent()
	l.askNext = true
}

// queryFanout is how many peers a round of a seek asks for a newer way
// when none is known: in a :majorities-ring a node cut off from its hub
// may share only a fifth of its peers with it; twelve of 24 find one
// almost always (0.98), at a message each.
const queryFanout = 12

// maxQueryRounds bounds the rounds of one seek: a node cut off from
// everyone asks 24 peers at most, not every peer of a large cluster. A
// second round finds the way the first missed (one seek in fifty in a
// ring: 0.98 above) or news that reached its peers since; a third costs
// twelve messages per node just where nothing can be found: a hub cut
// off from a whole side leaves every node there asking, and none of them
// knows a newer way until one fails over, which comes after the rounds.
// On 3d + partition, 20 seeds side by side, two rounds cost 2.26
// messages per operation at the median and 3.00 at the worst seed (a
// 15 s :minority-third with the hub in the minority), three 2.30 and
// 3.05, with the latencies within the run-to-run spread.
const maxQueryRounds = 2

// seekingWay reports whether this node is looking for another way to a
// hub: its parent is doubtful or dead.
func (t *tree) seekingWay(n *Node) bool {
	return t.parent != "" && (t.orphan || n.links[t.parent].out.health() != healthy)
}

// endSeek ends a seek: every peer sought, except the node's new parent
// (kept), is told at once the path the node has now, so that it stops
// taking the node for its child; otherwise it would go on handing the
// node every value it hears, beside the node's parent, for as long as the
// two do not otherwise talk.
func (t *tree) endSeek(n *Node, kept string) {
	for _, p := range t.seeking {
		l := n.links[p]
		l.askNow = p == kept
		if p != kept && !slices.Contains(t.children, p) {
			n.answerNow(l)
		}
	}
	t.seeking, t.querying, t.rounds = nil, false, 0
	clear(t.seekPaths)
	clear(t.tried)
}

// learn takes the stamp of the parent p's last message as this node's own
// news of its hub.
func (t *tree) learn(p string) {
	hub := t.hubOf(p, t.paths[p])
	t.newsVia[hub] = max(t.newsVia[hub], t.hubTSOf[p])
}

// rotate returns ids starting at index from, wrapping around.
func rotate(ids []string, from int) []string {
	from %= max(len(ids), 1)
	return append(slices.Clone(ids[from:]), ids[:from]...)
}

// seekFanout is how many peers a node with a doubtful parent seeks
// through at once: each is handed the stranded values and takes the node
// as a child, so each costs a message and a stream while the doubt lasts;
// three ways that are news (or that answered a query) leave room for one
// or two of them to fail as well.
const seekFanout = 3

// rehome leaves a parent that can no longer be used (dead, or its way
// come to lead to a hub later than this node: outranked) for the best way
// known, or to be a hub.
//
// With no better way in sight a node does not become a hub at once unless
// no node before it in init order was stranded with it (strandedBefore):
// it becomes an orphan, and a hub at its turn (hubAt): orphanTurnRTOs
// timeouts for each such node up to maxOrphanTurns of them, and a round
// trip for each one beyond, so that the nodes past the cap do not all
// become hubs in the same tick when the first in line is slow to find its
// parent dead (a leaf with nothing to send finds it only once it has
// values: in the simulator, eight hubs at once on a side whose first node
// was quiet). When a cut
// strands many nodes, the first of them in init order becomes their hub,
// and the others hear its fan-out and join it before their own turn
// comes, instead of each becoming a hub and fanning its store out to every
// peer. A turn is two timeouts because the nodes of a side do not find
// their parent dead at the same moment: one with values of its own
// notices a timeout before one that only missed a promise, and with
// one-timeout turns the second in line often became a hub before the
// first, which then outranked it (a store handed round twice).
//
// An outranked node waits its turn the same way, still sending through
// its parent, a reachable hub if a worse one, and stays if the parent's
// way leads to an earlier hub again meanwhile (heard). In a split, the nodes that
// heard the hub last hold the newest stamps, and others of their side
// take their (stale) way as news and fail over to them; when one of them
// becomes a hub in turn, every node that joined it is outranked at once.
// Each became a hub in the same tick, a dozen stores handed to every peer
// (docs/PROTOCOL.md, "One hub per side").
//
// The first in line does not wait: its retries, a hub's, are what carries
// its side's values across a heal, and Maelstrom draws heals as short as
// a tenth of a second between two cuts. Making it wait a timeout too (so
// that a cut healed just before its stall would not make it a hub) lost
// such a heal: values accepted in a :majority crossed 15 s later instead
// of in the 150 ms before the next cut (3d + partition seed 15).
// Meanwhile its values wait on its parent's link and go through the peers
// it seeks.
func (t *tree) rehome(n *Node, reason string) {
	if best := t.best(n); best != "" {
		t.becomeLeaf(n, best, reason)
		return
	}
	if reason == reasonLoop || t.parent == "" {
		t.becomeHub(n, reason)
		return
	}
	if t.orphan {
		return
	}
	before := t.strandedBefore(n)
	if before == 0 {
		t.becomeHub(n, reason)
		return
	}
	t.orphan, t.orphanReason = true, reason
	l := n.links[t.parent]
	t.hubAt = n.now + orphanTurnRTOs*int64(min(before, maxOrphanTurns))*n.rto(l, true) + int64(max(before-maxOrphanTurns, 0))*n.roundTrip(l)
}

// strandedBefore counts the nodes before this one in init order that may
// have been stranded with it: the link to each is not dead, and it was
// heard from since M before the parent last turned doubtful. In a cut the
// peers cut off with a node ask it for a way when they notice, so it
// hears them; those on the other side it does not hear. Counting every
// node before it, heard or not, made every orphan but the first two wait
// the same turns, and a cut that all the nodes of a side noticed at once
// made half a dozen of them hubs in the same tick. Counting only those
// heard within M of now missed the askers of a cut noticed more than M
// before the parent died (a quiet parent takes that long), and made a
// dozen of them hubs at once as well.
func (t *tree) strandedBefore(n *Node) int {
	before := 0
	for _, p := range n.nodes[:t.self] {
		if l := n.links[p]; p != t.parent && l.out.health() != dead && l.lastHeard >= t.doubtedAt-n.cfg.MaxRetransmitTicks {
			before++
		}
	}
	return before
}

// orphanTurnRTOs is an orphan's turn, in timeouts of its parent's link:
// longer than the spread of the moments the nodes of a side find their
// parent dead, plus a hop for the first one's fan-out (see rehome).
const orphanTurnRTOs = 2

// maxOrphanTurns caps the turns in an orphan's wait (a round trip per node
// beyond them): a node late in init order cut off alone (a :one
// partition) must not wait a turn for every node before it, since a hub's
// links are also what finds the heal first (heal.go): each retries across
// the cut on its own phase.
const maxOrphanTurns = 2

// wake is when the tree next needs a tick of its own: an orphan's turn to
// become a hub, or a seek's next query round.
func (t *tree) wake(*Node) int64 {
	at := int64(none)
	if t.orphan {
		at = t.hubAt
	}
	if t.querying {
		at = min(at, t.queryAt)
	}
	return at
}

// tick makes an orphan whose turn has come a hub, and starts a seek's
// next query round when the last one went unanswered.
func (t *tree) tick(n *Node) {
	if t.orphan && n.now >= t.hubAt {
		t.becomeHub(n, t.orphanReason)
		return
	}
	if t.querying && n.now >= t.queryAt {
		t.querying = false
		if len(t.seeking) == 0 && t.seekingWay(n) {
			t.seek(n)
		}
	}
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
	if t.parent == "" || t.orphan {
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

// heardLately reports whether l's peer was heard from within M: what a
// node knows of a peer it has not heard from for longer says nothing of
// the network now.
func heardLately(n *Node, l *link) bool { return n.now-l.lastHeard <= n.cfg.MaxRetransmitTicks }

// eligible reports whether this node may attach to p now: p's path is
// usable, the link to p is healthy, p was heard from within M, and p's
// way is news (newer). A path heard before the last cut says nothing of
// this one: a path learnt at the last heal once led failing-over nodes to
// peers they had been cut off from since, and peers cut off at the same
// moment led each other round in loops, each step costing a timeout and
// a store handed over.
func (t *tree) eligible(n *Node, p string) bool {
	l := n.links[p]
	return l.out.health() == healthy && heardLately(n, l) && t.usable(n, p) && t.newer(p)
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
	t.parent, t.orphan, t.parentTS, t.parentInc, t.hubLag = p, false, 0, n.links[p].incs.ToInc, lag{}
	t.askers = t.askers[:0]
	t.mine = append(slices.Clone(t.paths[p]), p)
	t.learn(p)
	t.endSeek(n, p)
	l := n.links[p]
	l.askNow = true
	n.requeue(l, n.store.all())
	l.markUrgent()
	// p must learn at once that it has a child, which only this node's
	// path tells it: the store goes with it if p lacks any of it, and an
	// acknowledgement carries it otherwise (p may hold it all already, or
	// the message that made p the better way may also acknowledge the
	// last of it, once heard has returned).
	n.answerNow(l)
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
	t.parent, t.seeking, t.mine, t.orphan = "", nil, nil, false
	t.askers = t.askers[:0]
	clear(t.seekPaths)
	clear(t.tried)
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
