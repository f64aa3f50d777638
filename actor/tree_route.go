package actor

import (
	"slices"

	"rumor/messages"
)

// How the star routes a value along its tree (route, targets, carries), and
// the path and stamp each message tells a peer (path, hubTS, newer).

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

// passesOn reports whether peer is a child of this node while it has a
// parent whose link streams: route passes the parent's batches on to it
// at once, and every value it queues for the child otherwise went up to
// the parent at once too.
func (t *tree) passesOn(n *Node, peer string) bool {
	return t.parent != "" && n.links[t.parent].streams() && slices.Contains(t.children, peer)
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
