package edn

import (
	"slices"
	"testing"
)

// The orders below were observed in real Maelstrom and Jepsen output.

func TestHashMapOrderOfSetFullKeysMatchesMaelstrom(t *testing.T) {
	observed := []string{
		"worst-stale", "duplicated-count", "valid?", "lost-count", "lost",
		"stable-count", "stale-count", "stale", "never-read-count",
		"stable-latencies", "attempt-count", "never-read", "duplicated",
	}
	assertHashOrder(t, observed, KeywordHash)
}

func TestHashMapOrderPlacesLostLatencies(t *testing.T) {
	keys := []string{"attempt-count", "lost-latencies", "never-read", "stable-latencies"}
	HashMapOrder(keys, KeywordHash)
	want := []string{"stable-latencies", "attempt-count", "lost-latencies", "never-read"}
	if !slices.Equal(keys, want) {
		t.Errorf("order = %v, want %v", keys, want)
	}
}

func TestHashMapOrderOfStringSetsMatchesClojure(t *testing.T) {
	tests := [][]string{
		{"n2", "n1", "n4", "n3"},
		{"n1", "n4", "n3"},
		{"n2", "n5", "n1", "n4"},
		{"n2", "n5", "n1", "n3"},
		{"n2", "n5"},
		{"n2", "n1"},
		{"n5", "n8", "n1", "n9", "n10", "n7"},
		{"n2", "n6", "n4", "spacetimedb", "n3"},
	}
	for _, observed := range tests {
		assertHashOrder(t, observed, StringHash)
	}
}

// assertHashOrder checks that HashMapOrder puts the sorted keys back into
// the observed order, so the result cannot depend on the input order.
func assertHashOrder(t *testing.T, observed []string, hash func(string) uint32) {
	t.Helper()
	keys := slices.Clone(observed)
	slices.Sort(keys)
	HashMapOrder(keys, hash)
	if !slices.Equal(keys, observed) {
		t.Errorf("order = %v, want %v", keys, observed)
	}
}

func TestStringHashOfEmptyStringIsZero(t *testing.T) {
	if h := StringHash(""); h != 0 {
		t.Errorf("StringHash(\"\") = %d, want 0", h)
	}
}
