package nemesis

import (
	"math"
	"slices"
	"testing"
	"time"
)

func TestSpecsInJepsenOrder(t *testing.T) {
	want := []Spec{"one", "minority-third", "majority", "majorities-ring"}
	if got := Specs(); !slices.Equal(got, want) {
		t.Errorf("Specs() = %v, want %v", got, want)
	}
	for _, s := range want {
		if !s.Valid() {
			t.Errorf("%s not valid", s)
		}
	}
	if Spec("primaries").Valid() {
		t.Error(":primaries must not be a Maelstrom spec")
	}
	if got := Majority.EDN(); got != ":majority" {
		t.Errorf("EDN() = %q", got)
	}
}

func TestChooseSpecIsUniform(t *testing.T) {
	rng := seeded(7)
	counts := map[Spec]int{}
	const draws = 40000
	for i := 0; i < draws; i++ {
		counts[ChooseSpec(rng)]++
	}
	for _, s := range Specs() {
		// Expected 10000 each; 5 standard deviations is about ±430.
		if c := counts[s]; c < 9500 || c > 10500 {
			t.Errorf("%s chosen %d times of %d", s, c, draws)
		}
	}
}

func TestNextGapIsUniformOnZeroToTwiceTheInterval(t *testing.T) {
	rng := seeded(3)
	const draws = 20000
	var sum time.Duration
	lo, hi := time.Duration(math.MaxInt64), time.Duration(0)
	for i := 0; i < draws; i++ {
		g := NextGap(10, rng)
		if g < 0 || g >= 20*time.Second {
			t.Fatalf("gap %v outside [0, 20s)", g)
		}
		sum += g
		lo, hi = min(lo, g), max(hi, g)
	}
	mean := sum / draws
	if mean < 9700*time.Millisecond || mean > 10300*time.Millisecond {
		t.Errorf("mean gap %v, want about 10s", mean)
	}
	if lo > 100*time.Millisecond || hi < 19900*time.Millisecond {
		t.Errorf("gaps span [%v, %v], want nearly [0, 20s)", lo, hi)
	}
	if g := NextGap(0.5, seeded(1)); g >= time.Second {
		t.Errorf("fractional interval: gap %v, want < 1s", g)
	}
	for _, interval := range []float64{0, -1} {
		if g := NextGap(interval, seeded(1)); g != 0 {
			t.Errorf("NextGap(%v) = %v, want 0", interval, g)
		}
	}
}
