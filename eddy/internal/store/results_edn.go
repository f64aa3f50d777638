package store

import (
	"sort"

	"eddy/internal/checker"
	"eddy/internal/edn"
	"eddy/internal/history"
)

// resultsEDN is the results map in Maelstrom's printed key order
// (semantics §9.1): the composition's array map keeps the checker map's
// order, with :valid? appended last.
func resultsEDN(r *checker.Results) edn.Value {
	return edn.Map{
		edn.KV("perf", perfEDN(r.Perf)),
		edn.KV("timeline", edn.Map{edn.KV("valid?", validityEDN(r.Timeline.Valid))}),
		edn.KV("exceptions", exceptionsEDN(r.Exceptions)),
		edn.KV("stats", statsEDN(r.Stats)),
		edn.KV("availability", availabilityEDN(r.Availability)),
		edn.KV("net", netEDN(r.Net)),
		edn.KV("workload", workloadEDN(r.Workload)),
		edn.KV("valid?", validityEDN(r.Valid())),
	}
}

// validityEDN is how a verdict appears in a results map: true, false or
// :unknown.
func validityEDN(v checker.Validity) edn.Value {
	switch v {
	case checker.True:
		return edn.Bool(true)
	case checker.False:
		return edn.Bool(false)
	}
	return edn.Keyword("unknown")
}

// failed is check-safe's result for a sub-checker that threw.
func failed(err string) edn.Value {
	return edn.Map{
		edn.KV("valid?", validityEDN(checker.Unknown)),
		edn.KV("error", edn.String(err)),
	}
}

func perfEDN(p checker.Perf) edn.Value {
	return edn.Map{
		edn.KV("latency-graph", edn.Map{edn.KV("valid?", validityEDN(p.LatencyGraph))}),
		edn.KV("rate-graph", edn.Map{edn.KV("valid?", validityEDN(p.RateGraph))}),
		edn.KV("valid?", validityEDN(p.Valid)),
	}
}

func exceptionsEDN(e checker.Exceptions) edn.Value {
	if e.Error != "" {
		return failed(e.Error)
	}
	m := edn.Map{edn.KV("valid?", validityEDN(e.Valid))}
	if len(e.Groups) == 0 {
		return m
	}
	groups := make(edn.List, len(e.Groups))
	for i, g := range e.Groups {
		groups[i] = edn.Map{
			edn.KV("count", edn.Int(g.Count)),
			edn.KV("class", edn.Symbol(g.Class)),
			edn.KV("example", opEDN(g.Example, false)),
		}
	}
	return append(m, edn.KV("exceptions", groups))
}

// statsEDN follows the stats fold's array map (:valid? :count :ok-count
// :fail-count :info-count) with :by-f appended; :by-f is a sorted map.
func statsEDN(s checker.Stats) edn.Value {
	if s.Error != "" {
		return failed(s.Error)
	}
	byF := make(edn.Map, len(s.ByF))
	for i, f := range s.ByF {
		byF[i] = edn.KV(f.F, countsEDN(f.Valid, f.OpCounts))
	}
	return append(countsEDN(s.Valid, s.OpCounts), edn.KV("by-f", byF))
}

func countsEDN(v checker.Validity, c checker.OpCounts) edn.Map {
	return edn.Map{
		edn.KV("valid?", validityEDN(v)),
		edn.KV("count", edn.Int(c.Count)),
		edn.KV("ok-count", edn.Int(c.OKCount)),
		edn.KV("fail-count", edn.Int(c.FailCount)),
		edn.KV("info-count", edn.Int(c.InfoCount)),
	}
}

func availabilityEDN(a checker.Availability) edn.Value {
	if a.Error != "" {
		return failed(a.Error)
	}
	var fraction edn.Value = edn.Float32(a.OKFraction)
	if a.NoInvokes {
		fraction = edn.Int(1)
	}
	return edn.Map{
		edn.KV("valid?", validityEDN(a.Valid)),
		edn.KV("ok-fraction", fraction),
	}
}

func netEDN(n checker.Net) edn.Value {
	if n.Error != "" {
		return failed(n.Error)
	}
	return edn.Map{
		edn.KV("all", netStatsEDN(n.All)),
		edn.KV("clients", netStatsEDN(n.Clients)),
		edn.KV("servers", netStatsEDN(n.Servers)),
		edn.KV("valid?", validityEDN(n.Valid)),
	}
}

func netStatsEDN(s checker.NetStats) edn.Value {
	m := edn.Map{
		edn.KV("send-count", edn.Int(s.SendCount)),
		edn.KV("recv-count", edn.Int(s.RecvCount)),
		edn.KV("msg-count", edn.Int(s.MsgCount)),
	}
	if s.HasMsgsPerOp {
		m = append(m, edn.KV("msgs-per-op", edn.Float32(s.MsgsPerOp)))
	}
	return m
}

// workloadEDN renders the set-full result. Jepsen builds it as a Clojure hash
// map, so its printed order is the hash trie's order of the keys present,
// which edn.HashMapOrder reproduces; it yields exactly the order observed in
// real runs, and places :lost-latencies between :attempt-count and
// :never-read.
func workloadEDN(w checker.Workload) edn.Value {
	if w.Error != "" {
		return failed(w.Error)
	}
	entries := map[string]edn.Value{
		"valid?":           validityEDN(w.Valid),
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
		entries["stable-latencies"] = quantilesEDN(*w.StableLatencies)
	}
	if w.LostLatencies != nil {
		entries["lost-latencies"] = quantilesEDN(*w.LostLatencies)
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
func worstStaleEDN(results []checker.ElementResult) edn.Value {
	out := make(edn.List, len(results))
	for i, r := range results {
		out[i] = elementEDN(r)
	}
	return out
}

func elementEDN(r checker.ElementResult) edn.Value {
	var stable, lost edn.Value = edn.Nil{}, edn.Nil{}
	switch r.Outcome {
	case checker.Stable:
		stable = edn.Int(r.StableLatency)
	case checker.Lost:
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

// quantilesEDN is the sorted map {0 a, 0.5 b, 0.95 c, 0.99 d, 1 e}; 0 and 1 are
// integers in Jepsen's point list, the others doubles.
func quantilesEDN(q checker.Quantiles) edn.Value {
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

// opRecordTag is the class Jepsen's history ops print as.
const opRecordTag = "jepsen.history.Op"

// opEDN renders an op as Jepsen prints a history op, a record of
// edn.HistoryOp's fields. The workload checker sees :broadcast renamed to
// :add, so asAdd applies that rename.
func opEDN(op history.Op, asAdd bool) edn.Value {
	if asAdd && op.F == history.FBroadcast {
		op.F = "add"
	}
	return edn.Record{Tag: opRecordTag, Fields: edn.HistoryOp(op)}
}
