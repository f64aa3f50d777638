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
