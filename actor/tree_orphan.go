package actor

// How a node leaves a parent it can no longer use (rehome), and how long
// an orphan waits its turn before it becomes a hub (strandedBefore).

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
