package nemesis

import "math/rand/v2"

// Target names the nodes a kill or a pause acts on (§12.2), spelled as the
// invocation's :value prints it without the colon; the zero Target is
// Jepsen's nil, a random non-empty subset.
type Target string

// The node specs a kill or pause draws from, in Jepsen's order. Jepsen's
// :primaries is absent because Maelstrom's DB has no primaries.
const (
	Subset             Target = "" // nil: a random non-empty subset
	OneNode            Target = "one"
	MinorityThirdNodes Target = "minority-third"
	MinorityNodes      Target = "minority"
	MajorityNodes      Target = "majority"
	AllNodes           Target = "all"
)

// Targets lists the specs in Jepsen's order, which is the order
// ChooseTarget draws from.
func Targets() []Target {
	return []Target{Subset, OneNode, MinorityThirdNodes, MinorityNodes, MajorityNodes, AllNodes}
}

// ChooseTarget picks a spec uniformly at random, as each kill and each
// pause does.
func ChooseTarget(rng *rand.Rand) Target {
	specs := Targets()
	return specs[rng.IntN(len(specs))]
}

// EDN is the spec as the :value of a kill or pause invocation: "nil" for
// Subset, otherwise the keyword (":majority").
func (t Target) EDN() string {
	if t == Subset {
		return "nil"
	}
	return ":" + string(t)
}

// Nodes draws the nodes t names among nodes, in the order Jepsen would
// list them (a shuffle, except for AllNodes):
//
//   - Subset: a shuffle cut after 1 + a uniform draw below len(nodes);
//   - OneNode: one node drawn uniformly;
//   - MinorityThirdNodes: the first floor((n−1)/3) of a shuffle;
//   - MinorityNodes: the first majority(n) − 1 of a shuffle;
//   - MajorityNodes: the first majority(n) of a shuffle;
//   - AllNodes: every node, in order.
//
// Some specs name no node on small clusters (a third of 3 nodes, a
// minority of 1); the op then acts on nobody. An unknown spec names no
// node either.
func (t Target) Nodes(nodes []string, rng *rand.Rand) []string {
	n := len(nodes)
	if n == 0 {
		return nil
	}
	switch t {
	case Subset:
		return shuffle(nodes, rng)[:1+rng.IntN(n)]
	case OneNode:
		return []string{nodes[rng.IntN(n)]}
	case MinorityThirdNodes:
		return shuffle(nodes, rng)[:minorityThird(n)]
	case MinorityNodes:
		return shuffle(nodes, rng)[:majority(n)-1]
	case MajorityNodes:
		return shuffle(nodes, rng)[:majority(n)]
	case AllNodes:
		return append([]string(nil), nodes...)
	}
	return nil
}
