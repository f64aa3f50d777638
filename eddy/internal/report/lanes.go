package report

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// laneKind orders lanes: clients on the left, then nodes, then services.
func laneKind(id string) int {
	switch {
	case isClient(id):
		return 0
	case numbered(id, "n"):
		return 1
	}
	return 2
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
