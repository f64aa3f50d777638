package nemesis

import (
	"slices"
	"testing"
)

func TestTargetsInJepsenOrder(t *testing.T) {
	want := []Target{"", "one", "minority-third", "minority", "majority", "all"}
	if got := Targets(); !slices.Equal(got, want) {
		t.Errorf("Targets() = %q, want %q", got, want)
	}
	for target, edn := range map[Target]string{Subset: "nil", OneNode: ":one", MinorityNodes: ":minority", AllNodes: ":all"} {
		if got := target.EDN(); got != edn {
			t.Errorf("%q.EDN() = %q, want %q", target, got, edn)
		}
	}
}

func TestChooseTargetIsUniform(t *testing.T) {
	rng := seeded(11)
	counts := map[Target]int{}
	const draws = 60000
	for range draws {
		counts[ChooseTarget(rng)]++
	}
	for _, target := range Targets() {
		// Expected 10000 each; 5 standard deviations is about ±460.
		if c := counts[target]; c < 9500 || c > 10500 {
			t.Errorf("%q chosen %d times of %d", target, c, draws)
		}
	}
}

func TestTargetSizes(t *testing.T) {
	cases := []struct {
		n                                   int
		one, third, minority, majority, all int
	}{
		{1, 1, 0, 0, 1, 1},
		{3, 1, 0, 1, 2, 3},
		{5, 1, 1, 2, 3, 5},
		{25, 1, 8, 12, 13, 25},
	}
	for _, c := range cases {
		all := nodes(c.n)
		rng := seeded(uint64(c.n))
		for target, want := range map[Target]int{OneNode: c.one, MinorityThirdNodes: c.third, MinorityNodes: c.minority, MajorityNodes: c.majority, AllNodes: c.all} {
			got := target.Nodes(all, rng)
			if len(got) != want {
				t.Errorf("%d nodes, %q: %d nodes %v, want %d", c.n, target, len(got), got, want)
			}
			checkDistinctMembers(t, got, all)
		}
		if got := AllNodes.Nodes(all, rng); !slices.Equal(got, all) {
			t.Errorf(":all = %v, want every node in order", got)
		}
	}
	if got := Target("primaries").Nodes(nodes(5), seeded(1)); got != nil {
		t.Errorf(":primaries names %v, want nobody", got)
	}
}

func TestASubsetIsNonEmptyAndCoversEverySize(t *testing.T) {
	all := nodes(5)
	rng := seeded(5)
	sizes := map[int]int{}
	for range 5000 {
		got := Subset.Nodes(all, rng)
		checkDistinctMembers(t, got, all)
		sizes[len(got)]++
	}
	for size := 1; size <= 5; size++ {
		// Uniform over 1…5: about 1000 each.
		if c := sizes[size]; c < 850 || c > 1150 {
			t.Errorf("a subset of %d nodes drawn %d times of 5000", size, c)
		}
	}
	if sizes[0] != 0 {
		t.Error("an empty subset was drawn")
	}
}

func TestTargetsAreShuffled(t *testing.T) {
	all := nodes(5)
	rng := seeded(2)
	first := map[string]bool{}
	for range 200 {
		first[MajorityNodes.Nodes(all, rng)[0]] = true
	}
	if len(first) != 5 {
		t.Errorf("a majority starts with only %v", first)
	}
}

func TestTargetDrawsReplayFromTheSeed(t *testing.T) {
	draw := func() [][]string {
		rng := seeded(9)
		var out [][]string
		for range 50 {
			out = append(out, ChooseTarget(rng).Nodes(nodes(7), rng))
		}
		return out
	}
	a, b := draw(), draw()
	for i := range a {
		if !slices.Equal(a[i], b[i]) {
			t.Fatalf("draw %d: %v then %v", i, a[i], b[i])
		}
	}
}

func checkDistinctMembers(t *testing.T, got, all []string) {
	t.Helper()
	seen := map[string]bool{}
	for _, n := range got {
		if seen[n] || !slices.Contains(all, n) {
			t.Errorf("target %v repeats or names a stranger", got)
		}
		seen[n] = true
	}
}

func TestParseFaults(t *testing.T) {
	cases := []struct {
		in   string
		want Faults
	}{
		{"", Faults{}},
		{"partition", Faults{Partition: true}},
		{"kill", Faults{Kill: true}},
		{"pause,kill", Faults{Kill: true, Pause: true}},
		{" partition , kill,pause,kill,", Faults{Partition: true, Kill: true, Pause: true}},
	}
	for _, c := range cases {
		got, err := ParseFaults(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseFaults(%q) = %+v, %v; want %+v", c.in, got, err, c.want)
		}
	}
	if got := (Faults{Partition: true, Pause: true}).String(); got != "partition,pause" {
		t.Errorf("String() = %q", got)
	}
	for _, bad := range []string{"clock", "partition,crash", "Kill"} {
		if _, err := ParseFaults(bad); err == nil {
			t.Errorf("ParseFaults(%q) accepted", bad)
		}
	}
}

func TestFormatOutcomes(t *testing.T) {
	got := FormatOutcomes([]string{"n3", "n1"}, map[string]string{"n1": "killed", "n3": "killed"})
	if want := `{"n3" :killed, "n1" :killed}`; got != want {
		t.Errorf("FormatOutcomes = %s, want %s", got, want)
	}
	// Beyond eight nodes Clojure's map is a hash map: its order is the
	// hash order, whatever order the nodes came in.
	many := nodes(9)
	of := map[string]string{}
	for _, n := range many {
		of[n] = "resumed"
	}
	reversed := slices.Clone(many)
	slices.Reverse(reversed)
	if a, b := FormatOutcomes(many, of), FormatOutcomes(reversed, of); a != b {
		t.Errorf("nine nodes print in the order given:\n%s\n%s", a, b)
	}
	if got := FormatOutcomes(nil, nil); got != "{}" {
		t.Errorf("no node: %s", got)
	}
}
