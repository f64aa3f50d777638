package sim

import (
	"fmt"
	"reflect"
	"testing"
)

func ids(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("n%d", i)
	}
	return out
}

// TestGridTopology pins the examples of eddy/docs/SEMANTICS.md §2.3.
func TestGridTopology(t *testing.T) {
	got := gridTopology(ids(5))
	want := map[string][]string{"n0": {"n3", "n1"}, "n1": {"n4", "n2", "n0"}, "n2": {"n1"}, "n3": {"n0", "n4"}, "n4": {"n1", "n3"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("grid(5) = %v, want %v", got, want)
	}
	if got := gridTopology(ids(1)); !reflect.DeepEqual(got, map[string][]string{"n0": {}}) {
		t.Errorf("grid(1) = %v", got)
	}
}

// heard returns, for each node, how many nodes (itself included) it hears.
func heard(c cuts, nodes []string) map[string]int {
	out := make(map[string]int)
	for _, dest := range nodes {
		for _, src := range nodes {
			if !c.blocks(src, dest) {
				out[dest]++
			}
		}
	}
	return out
}

// sideSizes counts nodes by how many they hear: for a two-sided split, each
// side's size maps to itself.
func sideSizes(c cuts, nodes []string) map[int]int {
	sizes := make(map[int]int)
	for _, k := range heard(c, nodes) {
		sizes[k]++
	}
	return sizes
}

// TestMaelstromShapes checks each of Maelstrom's shapes (eddy/docs/SEMANTICS.md §5)
// against its definition, over many draws and cluster sizes.
func TestMaelstromShapes(t *testing.T) {
	rng := NewRand(1)
	for n := 2; n <= 9; n++ {
		nodes := ids(n)
		for range 50 {
			for _, tt := range []struct {
				s     shape
				small int
			}{{shapeOne, 1}, {shapeMinorityThird, (n - 1) / 3}, {shapeMajority, n / 2}} {
				got := sideSizes(partition(tt.s, nodes, rng), nodes)
				want := map[int]int{tt.small: tt.small, n - tt.small: n - tt.small}
				switch {
				case tt.small == 0:
					want = map[int]int{n: n} // nobody on the small side: no partition
				case tt.small == n-tt.small:
					want = map[int]int{tt.small: n}
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s, n=%d: sides %v, want %v", tt.s, n, got, want)
				}
			}
			for node, k := range heard(partition(shapeMajoritiesRing, nodes, rng), nodes) {
				majority := n/2 + 1
				if n > 2 && n <= 5 && k != majority || n > 5 && k < majority {
					t.Errorf("majorities-ring, n=%d: %s hears %d nodes, want a majority (%d)", n, node, k, majority)
				}
			}
		}
	}
}

// TestMajoritiesRingOfThreeIsOneWay pins a remark of eddy/docs/SEMANTICS.md §5: with three
// nodes the ring is one-directional, so no two nodes hear each other.
func TestMajoritiesRingOfThreeIsOneWay(t *testing.T) {
	c := partition(shapeMajoritiesRing, ids(3), NewRand(7))
	for _, a := range ids(3) {
		for _, b := range ids(3) {
			if a != b && !c.blocks(a, b) && !c.blocks(b, a) {
				t.Errorf("%s and %s hear each other: %s", a, b, c)
			}
		}
	}
}

// TestRandomCuts checks that link cuts always go both ways and that one-way
// cuts, over enough draws, do produce asymmetric links.
func TestRandomCuts(t *testing.T) {
	rng := NewRand(3)
	asymmetric := false
	for range 100 {
		links := partition(shapeLinkCuts, ids(5), rng)
		for e := range links {
			if !links.blocks(e.To, e.From) {
				t.Fatalf("link cut %s>%s goes one way only", e.From, e.To)
			}
		}
		oneWay := partition(shapeOneWay, ids(5), rng)
		for e := range oneWay {
			asymmetric = asymmetric || !oneWay.blocks(e.To, e.From)
		}
	}
	if !asymmetric {
		t.Error("one-way cuts never produced an asymmetric link")
	}
}
