package report

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// laneKind orders lanes: nodes on the left, where the diagram opens and
// where the gossip is, then services, then clients (often dozens of them,
// one per worker process).
func laneKind(id string) int {
	switch {
	case numbered(id, "n"):
		return 0
	case isClient(id):
		return 2
	}
	return 1
}

// isClient reports whether id names a Maelstrom client (c0, c1, …).
func isClient(id string) bool { return numbered(id, "c") }

func numbered(id, prefix string) bool {
	rest, ok := strings.CutPrefix(id, prefix)
	if !ok || rest == "" {
		return false
	}
	_, err := strconv.Atoi(rest)
	return err == nil
}

// laneOrder sorts ids by kind, then numerically (c2 before c10), then by
// name.
func laneOrder(ids []string) {
	num := func(id string) int {
		n, _ := strconv.Atoi(strings.TrimLeft(id, "abcdefghijklmnopqrstuvwxyz-"))
		return n
	}
	slices.SortFunc(ids, func(a, b string) int {
		return cmp.Or(cmp.Compare(laneKind(a), laneKind(b)), cmp.Compare(num(a), num(b)), strings.Compare(a, b))
	})
}
