package sim

import (
	"math/rand/v2"
	"slices"
	"strings"
)

// edge is one direction of a link: messages from From to To.
type edge struct{ From, To string }

// cuts is the partition state: the directed edges whose messages are lost.
// Maelstrom stores the same thing as "dest drops src"; a directed edge is
// what lets one-way cuts and the majorities ring be expressed.
type cuts map[edge]bool

// blocks reports whether a message from src to dest is lost.
func (c cuts) blocks(src, dest string) bool { return c[edge{src, dest}] }

// String renders the cut edges sorted, for the trace.
func (c cuts) String() string {
	var parts []string
	for e := range c {
		parts = append(parts, e.From+">"+e.To)
	}
	slices.Sort(parts)
	return strings.Join(parts, ",")
}

// shape names a kind of partition the nemesis can start.
type shape string

// The shapes. The first four are Maelstrom's (eddy/docs/SEMANTICS.md §5); the rest are
// the simulator's own, harsher ones.
const (
	shapeOne            shape = "one"
	shapeMinorityThird  shape = "minority-third"
	shapeMajority       shape = "majority"
	shapeMajoritiesRing shape = "majorities-ring"
	shapeLinkCuts       shape = "link-cuts"
	shapeOneWay         shape = "one-way"
)

var allShapes = []shape{shapeOne, shapeMinorityThird, shapeMajority, shapeMajoritiesRing, shapeLinkCuts, shapeOneWay}

// partition builds a partition of the given shape over ids.
func partition(s shape, ids []string, rng *rand.Rand) cuts {
	switch s {
	case shapeOne:
		i := rng.IntN(len(ids))
		return split([]string{ids[i]}, without(ids, ids[i]))
	case shapeMinorityThird:
		order := shuffled(ids, rng)
		k := (len(ids) - 1) / 3
		return split(order[:k], order[k:])
	case shapeMajority:
		order := shuffled(ids, rng)
		k := len(ids) / 2
		return split(order[:k], order[k:])
	case shapeMajoritiesRing:
		if len(ids) <= 5 {
			return majoritiesRingPerfect(ids, rng)
		}
		return majoritiesRingStochastic(ids, rng)
	case shapeLinkCuts:
		return randomCuts(ids, rng, true)
	case shapeOneWay:
		return randomCuts(ids, rng, false)
	}
	panic("sim: unknown partition shape " + string(s))
}

// split is Maelstrom's complete grudge between two sides: nobody hears
// anyone on the other side.
func split(a, b []string) cuts {
	c := make(cuts)
	for _, x := range a {
		for _, y := range b {
			c[edge{x, y}] = true
			c[edge{y, x}] = true
		}
	}
	return c
}

// majoritiesRingPerfect is Jepsen's ring for small clusters: shuffle the
// nodes into a ring, slide a window of majority size around it, and let the
// node at each window's centre hear exactly that window. With three nodes the
// windows have even size and the ring is one-directional.
func majoritiesRingPerfect(ids []string, rng *rand.Rand) cuts {
	ring := shuffled(ids, rng)
	n, m := len(ring), len(ring)/2+1
	c := make(cuts)
	if n <= 2 {
		return c
	}
	for start := range n {
		window := make([]string, m)
		for k := range m {
			window[k] = ring[(start+k)%n]
		}
		centre := window[m/2]
		for _, src := range ids {
			if !slices.Contains(window, src) {
				c[edge{src, centre}] = true
			}
		}
	}
	return c
}

// majoritiesRingStochastic is Jepsen's ring for larger clusters: keep linking
// the two least-connected nodes (ties broken at random) until every node is
// linked to a majority, itself included, then cut every other link both ways.
func majoritiesRingStochastic(ids []string, rng *rand.Rand) cuts {
	m := len(ids)/2 + 1
	linked := make(map[string]map[string]bool, len(ids))
	for _, id := range ids {
		linked[id] = map[string]bool{id: true}
	}
	leastConnected := func(candidates []string) string {
		best := -1
		var pick []string
		for _, id := range candidates {
			switch d := len(linked[id]); {
			case best < 0 || d < best:
				best, pick = d, []string{id}
			case d == best:
				pick = append(pick, id)
			}
		}
		return pick[rng.IntN(len(pick))]
	}
	for {
		a := leastConnected(ids)
		if len(linked[a]) >= m {
			break
		}
		var others []string
		for _, id := range ids {
			if !linked[a][id] {
				others = append(others, id)
			}
		}
		b := leastConnected(others)
		linked[a][b], linked[b][a] = true, true
	}
	c := make(cuts)
	for _, x := range ids {
		for _, y := range ids {
			if !linked[x][y] {
				c[edge{x, y}] = true
			}
		}
	}
	return c
}

// randomCuts cuts a random set of links, both ways or (symmetric false) one
// way only: partitions Maelstrom never makes but real networks do.
func randomCuts(ids []string, rng *rand.Rand, symmetric bool) cuts {
	c := make(cuts)
	for _, x := range ids {
		for _, y := range ids {
			if x == y || rng.IntN(3) != 0 {
				continue
			}
			c[edge{x, y}] = true
			if symmetric {
				c[edge{y, x}] = true
			}
		}
	}
	return c
}

func shuffled(ids []string, rng *rand.Rand) []string {
	s := slices.Clone(ids)
	rng.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	return s
}

func without(ids []string, id string) []string {
	return slices.DeleteFunc(slices.Clone(ids), func(x string) bool { return x == id })
}
