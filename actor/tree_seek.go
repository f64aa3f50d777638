package actor

import (
	"slices"

	"rumor/messages"
)

// How a node whose parent turned doubtful seeks another way to a hub:
// through peers whose way is news, or by asking a round of peers.

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
