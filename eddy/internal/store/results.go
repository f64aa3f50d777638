package store

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"eddy/internal/checker"
	"eddy/internal/edn"
	"eddy/internal/history"
)

// The results files' names in a run directory.
const (
	ResultsEDNFile  = "results.edn"
	ResultsJSONFile = "results.json"
)

// ResultsEDN is the results map pretty-printed as Jepsen prints it (and
// stores it in results.edn): fipp's layout at width 70, Maelstrom's key
// orders, Java number spellings. It ends with a newline.
func ResultsEDN(r *checker.Results) string {
	return edn.Pretty(resultsEDN(r), edn.DefaultWidth) + "\n"
}

// resultsJSON renders every figure of the results as JSON, keyed by the
// same names as the EDN map without the colon (":msgs-per-op" is
// "msgs-per-op", ":valid?" is "valid?"). Verdicts are true, false or
// "unknown"; ops are objects with index, time, type, process, f, value and
// any extra keys.
func resultsJSON(r *checker.Results) ([]byte, error) {
	return edn.MarshalJSON(resultsEDN(r))
}

// WriteResults writes results.edn and results.json.
func (d *Dir) WriteResults(r *checker.Results) error {
	if err := os.WriteFile(d.File(ResultsEDNFile), []byte(ResultsEDN(r)), 0o644); err != nil {
		return err
	}
	raw, err := resultsJSON(r)
	if err != nil {
		return err
	}
	return os.WriteFile(d.File(ResultsJSONFile), append(raw, '\n'), 0o644)
}

// ReadResults reads results.json back into the checker's own types, so a
// figure is read under the name it was written with. Everything printed
// comes back, exception examples and the worst stale elements' ops
// included (an op's :f :add is set-full's name for a broadcast), except
// what the results map never prints: Workload.Elements, Net.OpCount (the
// run record keeps the op count) and the node each op went to. A file
// without a verdict where one belongs is an error, not a default.
func (d *Dir) ReadResults() (*checker.Results, error) {
	raw, err := os.ReadFile(d.File(ResultsJSONFile))
	if err != nil {
		return nil, err
	}
	r, err := decodeResults(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", d.File(ResultsJSONFile), err)
	}
	return r, nil
}

// validity is a verdict as results.json spells it: true, false or
// "unknown". set says the key was there.
type validity struct {
	v   checker.Validity
	set bool
}

func (v *validity) UnmarshalJSON(b []byte) error {
	switch string(b) {
	case "true":
		v.v = checker.True
	case "false":
		v.v = checker.False
	case `"unknown"`:
		v.v = checker.Unknown
	default:
		return fmt.Errorf("valid? is %s, not true, false or \"unknown\"", b)
	}
	v.set = true
	return nil
}

// verdictOf is a sub-result's verdict, an error when it is missing.
func verdictOf(name string, v validity) (checker.Validity, error) {
	if !v.set {
		return 0, fmt.Errorf("%s has no valid?", name)
	}
	return v.v, nil
}

type validOnly struct {
	Valid validity `json:"valid?"`
}

type countsFile struct {
	Valid     validity `json:"valid?"`
	Count     int      `json:"count"`
	OKCount   int      `json:"ok-count"`
	FailCount int      `json:"fail-count"`
	InfoCount int      `json:"info-count"`
}

func (c countsFile) counts() checker.OpCounts {
	return checker.OpCounts{Count: c.Count, OKCount: c.OKCount, FailCount: c.FailCount, InfoCount: c.InfoCount}
}

type netStatsFile struct {
	SendCount int          `json:"send-count"`
	RecvCount int          `json:"recv-count"`
	MsgCount  int          `json:"msg-count"`
	MsgsPerOp *json.Number `json:"msgs-per-op"`
}

type quantilesFile struct {
	Min    int64 `json:"0"`
	Median int64 `json:"0.5"`
	P95    int64 `json:"0.95"`
	P99    int64 `json:"0.99"`
	Max    int64 `json:"1"`
}

func (q *quantilesFile) quantiles() *checker.Quantiles {
	if q == nil {
		return nil
	}
	return &checker.Quantiles{Min: q.Min, Median: q.Median, P95: q.P95, P99: q.P99, Max: q.Max}
}

type elementFile struct {
	Element       int64   `json:"element"`
	Outcome       string  `json:"outcome"`
	StableLatency *int64  `json:"stable-latency"`
	LostLatency   *int64  `json:"lost-latency"`
	Known         *opFile `json:"known"`
	LastAbsent    *opFile `json:"last-absent"`
}

type resultsFile struct {
	Perf struct {
		LatencyGraph validOnly `json:"latency-graph"`
		RateGraph    validOnly `json:"rate-graph"`
		Valid        validity  `json:"valid?"`
	} `json:"perf"`
	Timeline   validOnly `json:"timeline"`
	Exceptions struct {
		Valid  validity `json:"valid?"`
		Error  string   `json:"error"`
		Groups []struct {
			Count   int    `json:"count"`
			Class   string `json:"class"`
			Example opFile `json:"example"`
		} `json:"exceptions"`
	} `json:"exceptions"`
	Stats struct {
		countsFile
		ByF   map[string]countsFile `json:"by-f"`
		Error string                `json:"error"`
	} `json:"stats"`
	Availability struct {
		Valid      validity    `json:"valid?"`
		OKFraction json.Number `json:"ok-fraction"`
		Error      string      `json:"error"`
	} `json:"availability"`
	Net struct {
		All     netStatsFile `json:"all"`
		Clients netStatsFile `json:"clients"`
		Servers netStatsFile `json:"servers"`
		Valid   validity     `json:"valid?"`
		Error   string       `json:"error"`
	} `json:"net"`
	Workload struct {
		Valid           validity       `json:"valid?"`
		Error           string         `json:"error"`
		AttemptCount    int            `json:"attempt-count"`
		StableCount     int            `json:"stable-count"`
		LostCount       int            `json:"lost-count"`
		Lost            []int64        `json:"lost"`
		NeverReadCount  int            `json:"never-read-count"`
		NeverRead       []int64        `json:"never-read"`
		StaleCount      int            `json:"stale-count"`
		Stale           []int64        `json:"stale"`
		WorstStale      []elementFile  `json:"worst-stale"`
		StableLatencies *quantilesFile `json:"stable-latencies"`
		LostLatencies   *quantilesFile `json:"lost-latencies"`
		DuplicatedCount int            `json:"duplicated-count"`
		Duplicated      map[string]int `json:"duplicated"`
	} `json:"workload"`
	Valid validity `json:"valid?"`
}

func decodeResults(raw []byte) (*checker.Results, error) {
	var f resultsFile
	if err := json.Unmarshal(raw, &f); err != nil {
		return nil, err
	}
	var errs []string
	verdict := func(name string, v validity) checker.Validity {
		got, err := verdictOf(name, v)
		if err != nil {
			errs = append(errs, err.Error())
		}
		return got
	}
	r := &checker.Results{}
	r.Perf = checker.Perf{
		LatencyGraph: verdict("perf latency-graph", f.Perf.LatencyGraph.Valid),
		RateGraph:    verdict("perf rate-graph", f.Perf.RateGraph.Valid),
		Valid:        verdict("perf", f.Perf.Valid),
	}
	r.Timeline.Valid = verdict("timeline", f.Timeline.Valid)

	e := f.Exceptions
	r.Exceptions = checker.Exceptions{Valid: verdict("exceptions", e.Valid), Error: e.Error}
	for _, g := range e.Groups {
		op, err := g.Example.op()
		if err != nil {
			errs = append(errs, "exceptions: "+err.Error())
		}
		r.Exceptions.Groups = append(r.Exceptions.Groups, checker.ExceptionGroup{Count: g.Count, Class: g.Class, Example: op})
	}

	s := f.Stats
	r.Stats = checker.Stats{Valid: verdict("stats", s.Valid), OpCounts: s.counts(), Error: s.Error}
	if s.Error == "" {
		r.Stats.ByF = []checker.FStats{}
		for _, name := range sortedKeys(s.ByF) {
			c := s.ByF[name]
			r.Stats.ByF = append(r.Stats.ByF, checker.FStats{F: name, Valid: verdict("stats "+name, c.Valid), OpCounts: c.counts()})
		}
	}

	a := f.Availability
	r.Availability = checker.Availability{Valid: verdict("availability", a.Valid), Error: a.Error}
	if a.Error == "" {
		if !strings.ContainsAny(a.OKFraction.String(), ".E") {
			r.Availability.NoInvokes, r.Availability.OKFraction = true, 1
		} else if x, err := strconv.ParseFloat(a.OKFraction.String(), 32); err == nil {
			r.Availability.OKFraction = float32(x)
		} else {
			errs = append(errs, "availability ok-fraction: "+err.Error())
		}
	}

	n := f.Net
	r.Net = checker.Net{Valid: verdict("net", n.Valid), Error: n.Error}
	for _, g := range []struct {
		name string
		from netStatsFile
		to   *checker.NetStats
	}{{"all", n.All, &r.Net.All}, {"clients", n.Clients, &r.Net.Clients}, {"servers", n.Servers, &r.Net.Servers}} {
		*g.to = checker.NetStats{SendCount: g.from.SendCount, RecvCount: g.from.RecvCount, MsgCount: g.from.MsgCount}
		if g.from.MsgsPerOp != nil {
			x, err := strconv.ParseFloat(g.from.MsgsPerOp.String(), 32)
			if err != nil {
				errs = append(errs, "net "+g.name+" msgs-per-op: "+err.Error())
			}
			g.to.MsgsPerOp, g.to.HasMsgsPerOp = float32(x), true
		}
	}

	w := f.Workload
	r.Workload = checker.Workload{Valid: verdict("workload", w.Valid), Error: w.Error}
	if w.Error == "" {
		r.Workload = checker.Workload{
			Valid: r.Workload.Valid, AttemptCount: w.AttemptCount, StableCount: w.StableCount,
			LostCount: w.LostCount, Lost: w.Lost, NeverReadCount: w.NeverReadCount, NeverRead: w.NeverRead,
			StaleCount: w.StaleCount, Stale: w.Stale, WorstStale: []checker.ElementResult{},
			StableLatencies: w.StableLatencies.quantiles(), LostLatencies: w.LostLatencies.quantiles(),
			DuplicatedCount: w.DuplicatedCount, Duplicated: map[int64]int{},
		}
		for _, el := range w.WorstStale {
			res, err := el.result()
			if err != nil {
				errs = append(errs, "worst-stale: "+err.Error())
			}
			r.Workload.WorstStale = append(r.Workload.WorstStale, res)
		}
		for k, v := range w.Duplicated {
			e, err := strconv.ParseInt(k, 10, 64)
			if err != nil {
				errs = append(errs, "duplicated: "+err.Error())
			}
			r.Workload.Duplicated[e] = v
		}
	}
	if overall := verdict("the results map", f.Valid); len(errs) == 0 && overall != r.Valid() {
		errs = append(errs, fmt.Sprintf("valid? is %v but its parts merge to %v", overall, r.Valid()))
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return r, nil
}

func (el elementFile) result() (checker.ElementResult, error) {
	r := checker.ElementResult{Element: el.Element, Outcome: checker.Outcome(el.Outcome)}
	if el.StableLatency != nil {
		r.StableLatency = *el.StableLatency
	}
	if el.LostLatency != nil {
		r.LostLatency = *el.LostLatency
	}
	for _, o := range []struct {
		from *opFile
		to   **history.Op
	}{{el.Known, &r.Known}, {el.LastAbsent, &r.LastAbsent}} {
		if o.from == nil {
			continue
		}
		op, err := o.from.op()
		if err != nil {
			return r, err
		}
		*o.to = &op
	}
	return r, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
