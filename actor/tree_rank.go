package actor

import (
	"slices"
)

// How a node ranks the ways to a hub it could take (rank, best) and which
// of them it may take now (usable, eligible).

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
