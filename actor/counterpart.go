package actor

// A hub's retries across a cut carry every value the other side lacks,
// and the first of them to cross after the heal is what tells both sides
// the network is back (heal.go). Where it lands decides how soon the other
// side has the values: a retry that reaches the other side's hub is fanned
// out there at once (the values are late, tree.late), one hop; one that
// reaches any other node of that side takes two more, up to its hub and
// then the fan-out. So of a hub's stalled links, the one to its
// counterpart gets half of the hub's retries, and the rest, a fallback
// for when the guess is wrong, share the other half.

// hubRetryCap is the most a hub's stalled link l waits between retries.
// Without a counterpart, every link keeps the same pace: at least three
// times as often as M, and a hub with few such links sooner still, so that
// together they keep about hubRetrySpacing apart, but no sooner than the
// link's timeout (each link's own retry is what crosses first after a
// heal: slower than M/3, each link's heal was found later). With one, the
// hub's k retrying links share as many retries as they would make
// without it, k per that pace, and the counterpart takes half of them: it
// retries 2/(k+1) of the pace apart and each of the others, the fallback,
// 2k/(k+1) of it, at most M. The total matters as much as the
// counterpart's share: in a :majorities-ring, which has no other side's
// hub, whichever retry crosses first finds the heal, and the hub then
// resends on every stalled link at once (heal.go). A counterpart retried
// once per M/10 on top of a fallback slowed to M/2 thinned those retries
// out, and a ring's heal was found about a hundred milliseconds later
// (docs/PROTOCOL.md, "The fault path, measured").
func (n *Node) hubRetryCap(l *link) int64 {
	m := n.cfg.MaxRetransmitTicks
	k := int64(n.retrying())
	pace := max(min(m/3, k*hubRetrySpacing(m)), n.rto(l, true))
	switch cp := n.counterpart(); {
	case cp == "":
		return pace
	case l.peer == cp:
		return ceilDiv(2*pace, k+1)
	default:
		return min(ceilDiv(2*k*pace, k+1), m)
	}
}

// ceilDiv is a/b rounded up, for positive a and b: a retry gap rounded
// down would spend more than the hub's share.
func ceilDiv(a, b int64) int64 { return (a + b - 1) / b }

// counterpartMinRTT is the shortest smoothed round trip at which a hub
// has a counterpart: a tenth of M.
func counterpartMinRTT(maxRetransmit int64) int64 { return max(maxRetransmit/10, 1) }

// hubRetrySpacing is the gap a hub with fewer than ten retrying links
// keeps between its retries across a cut, over all of them together (see
// hubRetryCap): a thirtieth of M, so that ten links retry each once per M/3.
func hubRetrySpacing(maxRetransmit int64) int64 { return max(maxRetransmit/30, 1) }

// counterpart is the peer, first in init order, whose link is stalled
// and still carries values: for a hub, the node most likely to be the hub
// of the side it cannot reach. The cuts Maelstrom draws that leave a side
// without this hub (:one, :minority-third, :majority) leave that side a
// clique, and the tree makes the first node of a clique in init order its
// hub (tree_orphan.go); so the first node a hub cannot reach is the
// other side's hub, and that hub's first is this one. In a
// :majorities-ring, which has no second hub, the guess is wrong: the nodes
// a hub cannot reach there have its values from relays, so the retries
// cost little, and any of them that crosses finds the ring's heal.
// "" when no link is stalled, and when the node has measured no round
// trip of at least counterpartMinRTT (its estimate over all its links,
// rtt.go): a retry that lands on a leaf loses a round trip (up to its
// hub, and the fan-out back), which at --latency 0 is next to nothing,
// and retrying the counterpart once per M/10 on top of the other links
// cost challenge 3c's five nodes, at ten operations a second, up to half
// a message per operation for no latency at all (measured; the hub's
// links then keep their usual pace). A node that has measured nothing,
// cut off since the run began, knows nothing of the network's latency,
// and keeps the usual pace too.
func (n *Node) counterpart() string {
	if rt, ok := n.rtt.smoothed(); !ok || rt < counterpartMinRTT(n.cfg.MaxRetransmitTicks) {
		return ""
	}
	for _, id := range n.nodes {
		if l := n.links[id]; l != nil && l.out.state == stateStalled && len(l.unacked) > 0 && n.strategy.carries(n, id) {
			return id
		}
	}
	return ""
}
