package checker

import (
	"eddy/internal/edn"
)

// ednValue is the results map in Maelstrom's printed key order (semantics
// §9.1): the composition's array map keeps the checker map's order, with
// :valid? appended last.
func (r *Results) ednValue() edn.Value {
	return edn.Map{
		edn.KV("perf", r.Perf.ednValue()),
		edn.KV("timeline", edn.Map{edn.KV("valid?", r.Timeline.Valid.ednValue())}),
		edn.KV("exceptions", r.Exceptions.ednValue()),
		edn.KV("stats", r.Stats.ednValue()),
		edn.KV("availability", r.Availability.ednValue()),
		edn.KV("net", r.Net.ednValue()),
		edn.KV("workload", r.Workload.ednValue()),
		edn.KV("valid?", r.Valid().ednValue()),
	}
}

// failed is check-safe's result for a sub-checker that threw.
func failed(err string) edn.Value {
	return edn.Map{
		edn.KV("valid?", Unknown.ednValue()),
		edn.KV("error", edn.String(err)),
	}
}

func (p Perf) ednValue() edn.Value {
	return edn.Map{
		edn.KV("latency-graph", edn.Map{edn.KV("valid?", p.LatencyGraph.ednValue())}),
		edn.KV("rate-graph", edn.Map{edn.KV("valid?", p.RateGraph.ednValue())}),
		edn.KV("valid?", p.Valid.ednValue()),
	}
}

func (e Exceptions) ednValue() edn.Value {
	if e.Error != "" {
		return failed(e.Error)
	}
	m := edn.Map{edn.KV("valid?", e.Valid.ednValue())}
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

// ednValue follows the stats fold's array map (:valid? :count :ok-count
// :fail-count :info-count) with :by-f appended; :by-f is a sorted map.
func (s Stats) ednValue() edn.Value {
	if s.Error != "" {
		return failed(s.Error)
	}
	byF := make(edn.Map, len(s.ByF))
	for i, f := range s.ByF {
		byF[i] = edn.KV(f.F, countsEDN(f.Valid, f.OpCounts))
	}
	return append(countsEDN(s.Valid, s.OpCounts), edn.KV("by-f", byF))
}

func countsEDN(v Validity, c OpCounts) edn.Map {
	return edn.Map{
		edn.KV("valid?", v.ednValue()),
		edn.KV("count", edn.Int(c.Count)),
		edn.KV("ok-count", edn.Int(c.OKCount)),
		edn.KV("fail-count", edn.Int(c.FailCount)),
		edn.KV("info-count", edn.Int(c.InfoCount)),
	}
}

func (a Availability) ednValue() edn.Value {
	if a.Error != "" {
		return failed(a.Error)
	}
	var fraction edn.Value = edn.Float32(a.OKFraction)
	if a.NoInvokes {
		fraction = edn.Int(1)
	}
	return edn.Map{
		edn.KV("valid?", a.Valid.ednValue()),
		edn.KV("ok-fraction", fraction),
	}
}

func (n Net) ednValue() edn.Value {
	if n.Error != "" {
		return failed(n.Error)
	}
	return edn.Map{
		edn.KV("all", n.All.ednValue()),
		edn.KV("clients", n.Clients.ednValue()),
		edn.KV("servers", n.Servers.ednValue()),
		edn.KV("valid?", n.Valid.ednValue()),
	}
}

func (s NetStats) ednValue() edn.Value {
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
