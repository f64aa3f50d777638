package nemesis

import "testing"

func TestFormatIsolatedPrintsLikeClojure(t *testing.T) {
	tests := []struct {
		name string
		g    map[string][]string
		want string
	}{
		{
			// Observed: node n5 isolated among n1–n5 (Jepsen's one).
			name: "one node isolated",
			g: map[string][]string{
				"n5": {"n1", "n2", "n3", "n4"},
				"n1": {"n5"}, "n2": {"n5"}, "n3": {"n5"}, "n4": {"n5"},
			},
			want: `[:isolated {"n5" #{"n2" "n1" "n4" "n3"}, "n2" #{"n5"}, "n1" #{"n5"}, "n4" #{"n5"}, "n3" #{"n5"}}]`,
		},
		{
			// Observed: a 2|3 majority split of n1–n5, smaller side first.
			name: "majority split",
			g: map[string][]string{
				"n2": {"n1", "n3", "n4"}, "n5": {"n1", "n3", "n4"},
				"n1": {"n2", "n5"}, "n3": {"n2", "n5"}, "n4": {"n2", "n5"},
			},
			want: `[:isolated {"n2" #{"n1" "n4" "n3"}, "n5" #{"n1" "n4" "n3"}, "n1" #{"n2" "n5"}, "n4" #{"n2" "n5"}, "n3" #{"n2" "n5"}}]`,
		},
		{
			name: "nobody drops anything",
			g:    map[string][]string{"n0": {}},
			want: `[:isolated {"n0" #{}}]`,
		},
		{
			name: "a small ring prints in hash order",
			g:    map[string][]string{"n0": {"n2"}, "n1": {"n0"}, "n2": {"n1"}},
			want: `[:isolated {"n2" #{"n1"}, "n1" #{"n0"}, "n0" #{"n2"}}]`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FormatIsolated(tt.g); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestFormatIsolatedOfALargeRingIsSorted(t *testing.T) {
	g := Grudge(MajoritiesRing, nodes(25), seeded(9))
	got := FormatIsolated(g)
	if got[:len(`[:isolated {"n0" #{`)] != `[:isolated {"n0" #{` {
		t.Errorf("a sorted map starts with n0: %s", got)
	}
}

func TestFormatIsolatedOfAWideSplitUsesHashMapOrder(t *testing.T) {
	g := Grudge(Majority, nodes(25), seeded(9))
	if got := FormatIsolated(g); len(got) == 0 || got[:12] != `[:isolated {` || got[len(got)-2:] != "}]" {
		t.Errorf("malformed: %s", got)
	}
	if order := isolatedOrder(g); order[0] == "n0" && order[1] == "n1" {
		t.Errorf("a 25-node hash map should not come out sorted: %v", order[:5])
	}
}

func TestNetworkHealedValue(t *testing.T) {
	if NetworkHealed != ":network-healed" {
		t.Errorf("got %q", NetworkHealed)
	}
}
