package topology

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"testing"
)

// nodes returns n0 … n(n−1).
func nodes(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("n%d", i)
	}
	return out
}

// ids returns n<from> … n<to>, inclusive.
func ids(from, to int) []string {
	var out []string
	for i := from; i <= to; i++ {
		out = append(out, fmt.Sprintf("n%d", i))
	}
	return out
}

func TestBuildMatchesTheFactSheet(t *testing.T) {
	tree4 := map[string][]string{
		"n0": ids(1, 4),
		"n1": append([]string{"n0"}, ids(5, 8)...),
		"n2": append([]string{"n0"}, ids(9, 12)...),
		"n3": append([]string{"n0"}, ids(13, 16)...),
		"n4": append([]string{"n0"}, ids(17, 20)...),
		"n5": append([]string{"n1"}, ids(21, 24)...),
	}
	for _, child := range ids(6, 8) {
		tree4[child] = []string{"n1"}
	}
	for p, from := range map[string]int{"n2": 9, "n3": 13, "n4": 17} {
		for _, child := range ids(from, from+3) {
			tree4[child] = []string{p}
		}
	}
	for _, child := range ids(21, 24) {
		tree4[child] = []string{"n5"}
	}

	tests := []struct {
		name  string
		topo  string
		nodes []string
		want  map[string][]string
	}{
		{"grid of 5", "grid", nodes(5), map[string][]string{
			"n0": {"n3", "n1"}, "n1": {"n4", "n2", "n0"}, "n2": {"n1"}, "n3": {"n0", "n4"}, "n4": {"n1", "n3"},
		}},
		{"grid of 1", "grid", nodes(1), map[string][]string{"n0": {}}},
		// side 4: rows n0–n3, n4–n7, n8–n9.
		{"grid of 10", "grid", nodes(10), map[string][]string{
			"n0": {"n4", "n1"}, "n1": {"n5", "n2", "n0"}, "n2": {"n6", "n3", "n1"}, "n3": {"n7", "n2"},
			"n4": {"n8", "n0", "n5"}, "n5": {"n9", "n1", "n6", "n4"}, "n6": {"n2", "n7", "n5"}, "n7": {"n3", "n6"},
			"n8": {"n4", "n9"}, "n9": {"n5", "n8"},
		}},
		{"tree4 of 25", "tree4", nodes(25), tree4},
		{"tree of 7", "tree", nodes(7), map[string][]string{
			"n0": {"n1", "n2"}, "n1": {"n0", "n3", "n4"}, "n2": {"n0", "n5", "n6"},
			"n3": {"n1"}, "n4": {"n1"}, "n5": {"n2"}, "n6": {"n2"},
		}},
		{"tree2 of 5 has a partial last tier", "tree2", nodes(5), map[string][]string{
			"n0": {"n1", "n2"}, "n1": {"n0", "n3", "n4"}, "n2": {"n0"}, "n3": {"n1"}, "n4": {"n1"},
		}},
		{"tree3 of 6", "tree3", nodes(6), map[string][]string{
			"n0": {"n1", "n2", "n3"}, "n1": {"n0", "n4", "n5"}, "n2": {"n0"}, "n3": {"n0"}, "n4": {"n1"}, "n5": {"n1"},
		}},
		{"tree of 1", "tree", nodes(1), map[string][]string{"n0": {}}},
		{"line of 0", "line", nodes(0), map[string][]string{}},
		{"line of 1 is empty", "line", nodes(1), map[string][]string{}},
		{"line of 2", "line", nodes(2), map[string][]string{"n0": {"n1"}, "n1": {"n0"}}},
		{"line of 4", "line", nodes(4), map[string][]string{
			"n0": {"n1"}, "n1": {"n0", "n2"}, "n2": {"n1", "n3"}, "n3": {"n2"},
		}},
		{"total of 1", "total", nodes(1), map[string][]string{"n0": {}}},
		{"total of 3", "total", nodes(3), map[string][]string{
			"n0": {"n1", "n2"}, "n1": {"n0", "n2"}, "n2": {"n0", "n1"},
		}},
		{"default node names work too", "line", []string{"n1", "n2", "n3"}, map[string][]string{
			"n1": {"n2"}, "n2": {"n1", "n3"}, "n3": {"n2"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Build(tt.topo, tt.nodes)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %v\nwant %v", got, tt.want)
			}
		})
	}
}

func TestEveryTopologyIsUndirectedAndCoversItsNodes(t *testing.T) {
	for _, name := range Names() {
		for n := 0; n <= 30; n++ {
			topo, err := Build(name, nodes(n))
			if err != nil {
				t.Fatal(err)
			}
			wantKeys := n
			if name == "line" && n < 2 {
				wantKeys = 0
			}
			if len(topo) != wantKeys {
				t.Errorf("%s/%d: %d keys, want %d", name, n, len(topo), wantKeys)
			}
			for node, neighbours := range topo {
				if neighbours == nil {
					t.Errorf("%s/%d: %s has a nil list (would encode as null)", name, n, node)
				}
				if slices.Contains(neighbours, node) {
					t.Errorf("%s/%d: %s is its own neighbour", name, n, node)
				}
				if name == "grid" && len(neighbours) > 4 {
					t.Errorf("grid/%d: %s has %d neighbours", n, node, len(neighbours))
				}
				for _, other := range neighbours {
					if !slices.Contains(topo[other], node) {
						t.Errorf("%s/%d: %s→%s but not back", name, n, node, other)
					}
				}
			}
		}
	}
}

func TestBuildDoesNotAliasTheNodeList(t *testing.T) {
	list := nodes(5)
	for _, name := range Names() {
		topo, _ := Build(name, list)
		for _, neighbours := range topo {
			for i := range neighbours {
				neighbours[i] = "changed"
			}
		}
		if !slices.Equal(list, nodes(5)) {
			t.Fatalf("%s: mutating the topology changed the node list: %v", name, list)
		}
	}
}

func TestSingleNodeGridEncodesAsAnEmptyList(t *testing.T) {
	topo, _ := Build("grid", nodes(1))
	data, err := json.Marshal(topo)
	if err != nil || string(data) != `{"n0":[]}` {
		t.Errorf("got %s, %v", data, err)
	}
}

func TestNamesAndUnknownTopology(t *testing.T) {
	want := []string{"line", "grid", "tree", "tree2", "tree3", "tree4", "total"}
	if got := Names(); !slices.Equal(got, want) {
		t.Errorf("Names() = %v, want %v", got, want)
	}
	if !slices.Contains(Names(), Default) {
		t.Errorf("default %q is not a valid name", Default)
	}
	if _, err := Build("ring", nodes(3)); err == nil {
		t.Error("unknown topology accepted")
	}
}
