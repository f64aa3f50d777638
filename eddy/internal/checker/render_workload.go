package checker

import (
	"sort"

	"eddy/internal/edn"
)

// ednValue renders the set-full result. Jepsen builds it as a Clojure hash
// map, so its printed order is the hash trie's order of the keys present,
// which edn.HashMapOrder reproduces; it yields exactly the order observed in
// real runs, and places :lost-latencies between :attempt-count and
// :never-read.
func (w Workload) ednValue() edn.Value {
	if w.Error != "" {
		return failed(w.Error)
	}
	entries := map[string]edn.Value{
		"valid?":           w.Valid.ednValue(),
		"attempt-count":    edn.Int(w.AttemptCount),
		"stable-count":     edn.Int(w.StableCount),
		"lost-count":       edn.Int(w.LostCount),
		"lost":             elementList(w.Lost),
		"never-read-count": edn.Int(w.NeverReadCount),
		"never-read":       elementList(w.NeverRead),
		"stale-count":      edn.Int(w.StaleCount),
		"stale":            elementList(w.Stale),
		"worst-stale":      worstStaleEDN(w.WorstStale),
		"duplicated-count": edn.Int(w.DuplicatedCount),
		"duplicated":       duplicatedEDN(w.Duplicated),
	}
	if w.StableLatencies != nil {
		entries["stable-latencies"] = w.StableLatencies.ednValue()
	}
	if w.LostLatencies != nil {
		entries["lost-latencies"] = w.LostLatencies.ednValue()
	}
	keys := make([]string, 0, len(entries))
	for k := range entries {
		keys = append(keys, k)
	}
	sort.Strings(keys) // a deterministic start; the trie order is total anyway
	edn.HashMapOrder(keys, edn.KeywordHash)
	m := make(edn.Map, len(keys))
	for i, k := range keys {
		m[i] = edn.KV(k, entries[k])
	}
	return m
}

func elementList(elements []int64) edn.Value {
	out := make(edn.List, len(elements))
	for i, e := range elements {
		out[i] = edn.Int(e)
	}
	return out
}

// worstStaleEDN prints each element result as set-full builds it: an array
// map in the order :element :outcome :stable-latency :lost-latency :known
// :last-absent, with the latency that does not apply as nil.
func worstStaleEDN(results []ElementResult) edn.Value {
	out := make(edn.List, len(results))
	for i, r := range results {
		out[i] = r.ednValue()
	}
	return out
}

func (r ElementResult) ednValue() edn.Value {
	var stable, lost edn.Value = edn.Nil{}, edn.Nil{}
	switch r.Outcome {
	case Stable:
		stable = edn.Int(r.StableLatency)
	case Lost:
		lost = edn.Int(r.LostLatency)
	}
	var known, lastAbsent edn.Value = edn.Nil{}, edn.Nil{}
	if r.Known != nil {
		known = opEDN(*r.Known, true)
	}
	if r.LastAbsent != nil {
		lastAbsent = opEDN(*r.LastAbsent, true)
	}
	return edn.Map{
		edn.KV("element", edn.Int(r.Element)),
		edn.KV("outcome", edn.Keyword(string(r.Outcome))),
		edn.KV("stable-latency", stable),
		edn.KV("lost-latency", lost),
		edn.KV("known", known),
		edn.KV("last-absent", lastAbsent),
	}
}

// ednValue is the sorted map {0 a, 0.5 b, 0.95 c, 0.99 d, 1 e}; 0 and 1 are
// integers in Jepsen's point list, the others doubles.
func (q Quantiles) ednValue() edn.Value {
	return edn.Map{
		{Key: edn.Int(0), Val: edn.Int(q.Min)},
		{Key: edn.Float64(0.5), Val: edn.Int(q.Median)},
		{Key: edn.Float64(0.95), Val: edn.Int(q.P95)},
		{Key: edn.Float64(0.99), Val: edn.Int(q.P99)},
		{Key: edn.Int(1), Val: edn.Int(q.Max)},
	}
}

// duplicatedEDN prints the (always empty) duplicate map, sorted by element
// as Jepsen's sorted map would be.
func duplicatedEDN(d map[int64]int) edn.Value {
	elements := make([]int64, 0, len(d))
	for e := range d {
		elements = append(elements, e)
	}
	sort.Slice(elements, func(i, j int) bool { return elements[i] < elements[j] })
	m := make(edn.Map, len(elements))
	for i, e := range elements {
		m[i] = edn.Entry{Key: edn.Int(e), Val: edn.Int(d[e])}
	}
	return m
}
