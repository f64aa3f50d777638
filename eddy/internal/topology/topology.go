package topology

import (
	"fmt"
	"strings"
)

// builders maps each --topology name to its construction, in the order
// Maelstrom lists them.
var builders = []struct {
	name  string
	build func(nodes []string) map[string][]string
}{
	{"line", line},
	{"grid", grid},
	{"tree", func(nodes []string) map[string][]string { return tree(2, nodes) }},
	{"tree2", func(nodes []string) map[string][]string { return tree(2, nodes) }},
	{"tree3", func(nodes []string) map[string][]string { return tree(3, nodes) }},
	{"tree4", func(nodes []string) map[string][]string { return tree(4, nodes) }},
	{"total", total},
}

// Default is the topology Maelstrom uses when --topology is not given.
const Default = "grid"

// Names lists the valid --topology values: line grid tree tree2 tree3 tree4
// total.
func Names() []string {
	names := make([]string, len(builders))
	for i, b := range builders {
		names[i] = b.name
	}
	return names
}

// Build returns the neighbour map of the named topology over nodes, which
// must be in test order (n0, n1, …). An unknown name is an error.
func Build(name string, nodes []string) (map[string][]string, error) {
	for _, b := range builders {
		if b.name == name {
			return b.build(nodes), nil
		}
	}
	return nil, fmt.Errorf("unknown topology %q (valid: %s)", name, strings.Join(Names(), ", "))
}
