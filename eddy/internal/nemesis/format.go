package nemesis

import (
	"slices"
	"strings"

	"eddy/internal/edn"
)

// NetworkHealed is the :value of a completed stop-partition.
const NetworkHealed = ":network-healed"

// FormatIsolated renders a grudge as the :value of a completed
// start-partition, the way Clojure prints it:
//
//	[:isolated {"n2" #{"n1" "n4" "n3"}, "n5" #{"n1" "n4" "n3"}, …}]
//
// Each set of dropped nodes is printed in Clojure's hash-set order, exactly
// as Maelstrom prints it. The order of the nodes follows how Jepsen builds
// the map (see isolatedOrder); it is exact except where Jepsen's order
// depends on its own shuffles.
func FormatIsolated(g map[string][]string) string {
	m := make(edn.Map, 0, len(g))
	for _, dest := range isolatedOrder(g) {
		m = append(m, edn.Entry{Key: edn.String(dest), Val: stringSet(g[dest])})
	}
	return edn.Compact(edn.Vector{edn.Keyword("isolated"), m})
}

// isolatedOrder is the order Clojure prints the grudge's nodes in:
//
//   - a two-sided split (complete grudge) of up to eight nodes is an array
//     map filled component by component, smaller side first, each side in
//     hash-set order; beyond eight nodes it is a hash map;
//   - the majorities ring beyond five nodes is a sorted map;
//   - the small majorities ring is an array map in the order of its shuffled
//     ring, which is not recoverable; hash order stands in for it.
func isolatedOrder(g map[string][]string) []string {
	nodes := make([]string, 0, len(g))
	for node := range g {
		nodes = append(nodes, node)
	}
	slices.Sort(nodes)
	components, complete := splitComponents(g, nodes)
	switch {
	case complete && len(nodes) <= 8:
		slices.SortStableFunc(components, func(a, b []string) int { return len(a) - len(b) })
		ordered := make([]string, 0, len(nodes))
		for _, c := range components {
			edn.HashMapOrder(c, edn.StringHash)
			ordered = append(ordered, c...)
		}
		return ordered
	case !complete && len(nodes) > 5:
		return nodes
	}
	edn.HashMapOrder(nodes, edn.StringHash)
	return nodes
}

// splitComponents groups nodes that drop the same nodes, and reports whether
// the grudge is complete: every node drops exactly the nodes outside its
// group.
func splitComponents(g map[string][]string, nodes []string) ([][]string, bool) {
	var components [][]string
	byDrops := map[string]int{}
	for _, node := range nodes {
		drops := slices.Clone(g[node])
		slices.Sort(drops)
		key := strings.Join(drops, "\x00")
		i, ok := byDrops[key]
		if !ok {
			i = len(components)
			byDrops[key] = i
			components = append(components, nil)
		}
		components[i] = append(components[i], node)
	}
	for _, c := range components {
		outside := len(nodes) - len(c)
		for _, node := range c {
			if len(g[node]) != outside {
				return components, false
			}
			for _, dropped := range g[node] {
				if slices.Contains(c, dropped) {
					return components, false
				}
			}
		}
	}
	return components, true
}

// stringSet is a Clojure hash set of strings in its printed order.
func stringSet(members []string) edn.Set {
	sorted := slices.Clone(members)
	slices.Sort(sorted)
	edn.HashMapOrder(sorted, edn.StringHash)
	set := make(edn.Set, len(sorted))
	for i, s := range sorted {
		set[i] = edn.String(s)
	}
	return set
}

// FormatOutcomes renders what a kill, start, pause or resume did to each
// node as the op's completion :value, the way Clojure prints the map
// Jepsen builds from the nodes it acted on: up to eight nodes in the
// order given (an array map), more in hash-map order. For example
//
//	{"n3" :killed, "n1" :killed}
func FormatOutcomes(order []string, of map[string]string) string {
	nodes := append([]string(nil), order...)
	if len(nodes) > 8 {
		edn.HashMapOrder(nodes, edn.StringHash)
	}
	m := make(edn.Map, 0, len(nodes))
	for _, node := range nodes {
		m = append(m, edn.Entry{Key: edn.String(node), Val: edn.Keyword(of[node])})
	}
	return edn.Compact(m)
}
