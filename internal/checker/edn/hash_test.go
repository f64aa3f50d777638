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
	keys := slices.Clone(observed)
	slices.Sort(keys)
	HashMapOrder(keys, KeywordHash)
	if !slices.Equal(keys, observed) {
		t.Errorf("keyword order = %v, want %v", keys, observed)
	}
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
		set := slices.Clone(observed)
		slices.Sort(set)
		HashMapOrder(set, StringHash)
		if !slices.Equal(set, observed) {
			t.Errorf("set order = %v, want %v", set, observed)
		}
	}
}

func TestStringHashOfEmptyStringIsZero(t *testing.T) {
	if h := StringHash(""); h != 0 {
		t.Errorf("StringHash(\"\") = %d, want 0", h)
	}
}
