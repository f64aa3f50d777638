package nemesis

import "math/rand/v2"

// Spec names one kind of partition, spelled as Maelstrom's history prints
// it without the colon.
type Spec string

// The partition specs Maelstrom's nemesis chooses from. Jepsen's :primaries
// is absent because Maelstrom's DB has no primaries.
const (
	One            Spec = "one"
	MinorityThird  Spec = "minority-third"
	Majority       Spec = "majority"
	MajoritiesRing Spec = "majorities-ring"
)

// Specs lists the specs in Jepsen's order, which is the order ChooseSpec
// draws from.
func Specs() []Spec {
	return []Spec{One, MinorityThird, Majority, MajoritiesRing}
}

// ChooseSpec picks a spec uniformly at random, as each start-partition does.
func ChooseSpec(rng *rand.Rand) Spec {
	specs := Specs()
	return specs[rng.IntN(len(specs))]
}

// EDN is the spec as the :value of a start-partition invocation, e.g.
// ":majority".
func (s Spec) EDN() string { return ":" + string(s) }

// Valid reports whether s is one of Specs.
func (s Spec) Valid() bool {
	for _, known := range Specs() {
		if s == known {
			return true
		}
	}
	return false
}
