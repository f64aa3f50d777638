package checker

import (
	"fmt"
	"sort"

	"eddy/internal/history"
)

// checkStats is Jepsen's stats checker: counts of client completions by
// type, overall and per :f. An :f with completions but no :ok makes it
// False (not Unknown).
func checkStats(h history.History) (Stats, error) {
	var all OpCounts
	byF := map[string]*FStats{}
	for _, op := range h {
		if op.Type == history.Invoke || !op.IsClient() {
			continue
		}
		f, ok := byF[op.F]
		if !ok {
			f = &FStats{F: op.F}
			byF[op.F] = f
		}
		if !all.add(op.Type) || !f.OpCounts.add(op.Type) {
			return Stats{}, fmt.Errorf("stats: completion of unknown type %v", op.Type)
		}
	}
	s := Stats{Valid: True, OpCounts: all, ByF: make([]FStats, 0, len(byF))}
	for _, f := range byF {
		f.Valid = fromBool(f.OKCount > 0)
		s.ByF = append(s.ByF, *f)
		s.Valid = Merge(s.Valid, f.Valid)
	}
	sort.Slice(s.ByF, func(i, j int) bool { return s.ByF[i].F < s.ByF[j].F })
	return s, nil
}

// add counts one completion; false for a type that is no completion.
func (c *OpCounts) add(t history.Type) bool {
	switch t {
	case history.OK:
		c.OKCount++
	case history.Fail:
		c.FailCount++
	case history.Info:
		c.InfoCount++
	default:
		return false
	}
	c.Count++
	return true
}
