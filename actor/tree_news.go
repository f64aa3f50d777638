package actor

import (
	"slices"
)

// How a node reacts to what it hears of its peers' ways (heard, newsFrom,
// knowsBetter, answer, child) and to its links' health (changed).

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
