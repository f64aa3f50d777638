package checker

import "eddy/internal/history"

// Results is the analysis of one run, one field per entry of Maelstrom's
// :checker composition.
type Results struct {
	Perf         Perf
	Timeline     Timeline
	Exceptions   Exceptions
	Stats        Stats
	Availability Availability
	Net          Net
	Workload     Workload
}

// Valid is the overall verdict: the highest-priority verdict among the
// sub-results, as Jepsen's compose computes it.
func (r *Results) Valid() Validity {
	return Merge(
		r.Perf.Valid,
		r.Timeline.Valid,
		r.Exceptions.Valid,
		r.Stats.Valid,
		r.Availability.Valid,
		r.Net.Valid,
		r.Workload.Valid,
	)
}

// Perf stands for Jepsen's latency and rate plots. eddy draws none, and
// Maelstrom's plots only ever fail when gnuplot is missing, so every verdict
// here is True.
type Perf struct {
	LatencyGraph Validity
	RateGraph    Validity
	Valid        Validity
}

// Timeline stands for Jepsen's timeline.html, which never fails.
type Timeline struct {
	Valid Validity
}

// Exceptions reports :info operations that came from an exception rather
// than from a reply (semantics §6.1), grouped by Java class: the op's
// Exception text when it is a fully qualified class name, otherwise
// clojure.lang.ExceptionInfo (what Maelstrom's client errors are thrown as).
// It is always valid.
type Exceptions struct {
	Valid  Validity
	Groups []ExceptionGroup // most frequent first; empty when there were none
	Error  string           // set when the sub-checker itself failed
}

// ExceptionGroup is one entry of :exceptions.
type ExceptionGroup struct {
	Count   int
	Class   string     // Java class name, printed as a symbol
	Example history.Op // the first operation of the group
}

// Stats counts client completions, overall and per :f (semantics §6.2).
type Stats struct {
	Valid Validity // False if some :f has completions but no :ok
	OpCounts
	ByF   []FStats // sorted by F, as Clojure's sorted map of keywords is
	Error string
}

// OpCounts is how many completions there were of each kind.
type OpCounts struct {
	Count     int
	OKCount   int
	FailCount int
	InfoCount int
}

// FStats is the :stats entry of one :f.
type FStats struct {
	F     string // raw history name: "broadcast", "read"
	Valid Validity
	OpCounts
}

// Availability is the fraction of invocations that completed :ok, checked
// against --availability (semantics §6.1).
type Availability struct {
	Valid Validity
	// OKFraction is oks/invokes as a Java float. When there were no
	// invocations Maelstrom uses the integer 1 instead; NoInvokes marks that
	// case, which prints as 1 rather than 1.0.
	OKFraction float32
	NoInvokes  bool
	Error      string
}

// Net holds the network statistics of semantics §7.
type Net struct {
	All     NetStats
	Clients NetStats
	Servers NetStats
	Valid   Validity
	// OpCount is the denominator of msgs-per-op: client invocations. It is
	// not printed by Maelstrom but is handy for summaries.
	OpCount int
	Error   string
}

// NetStats is one group of network statistics.
type NetStats struct {
	SendCount int
	RecvCount int
	MsgCount  int
	// MsgsPerOp is MsgCount/OpCount as a Java float. Maelstrom adds it to
	// :all and :servers only, and only when there was at least one
	// operation; HasMsgsPerOp says whether it is present.
	MsgsPerOp    float32
	HasMsgsPerOp bool
}

// Workload is the set-full result of semantics §6.3.
type Workload struct {
	Valid          Validity
	AttemptCount   int
	StableCount    int
	LostCount      int
	Lost           []int64 // ascending
	NeverReadCount int
	NeverRead      []int64 // ascending
	StaleCount     int
	Stale          []int64 // ascending
	// WorstStale is up to eight stale elements with the largest stable
	// latency, largest first, ties broken towards the larger element.
	WorstStale []ElementResult
	// StableLatencies and LostLatencies are nil when there were no stable,
	// respectively lost, elements; Maelstrom then omits the key.
	StableLatencies *Quantiles
	LostLatencies   *Quantiles
	// DuplicatedCount and Duplicated are always 0 and empty: Jepsen's
	// duplicate scan keeps counts below 1, which never occur (§6.4).
	DuplicatedCount int
	Duplicated      map[int64]int
	// Elements is every element's result in ascending element order. It is
	// not printed; it is there for summaries and tests.
	Elements []ElementResult
	Error    string
}

// Outcome is what became of one broadcast value.
type Outcome string

// The three outcomes set-full distinguishes.
const (
	Stable    Outcome = "stable"     // present in the last read to look at it
	Lost      Outcome = "lost"       // known, yet missing from the last read to look
	NeverRead Outcome = "never-read" // neither: never known, or never looked for afterwards
)

// ElementResult is set-full's verdict on one element.
type ElementResult struct {
	Element int64
	Outcome Outcome
	// StableLatency is meaningful only for stable elements and LostLatency
	// only for lost ones; the other prints as nil. Both are whole ms.
	StableLatency int64
	LostLatency   int64
	// Known is the first op that proved the element exists: its broadcast's
	// :ok completion or the first :ok read containing it. LastAbsent is the
	// invocation of the latest-invoked read that missed it. Either may be
	// nil.
	Known      *history.Op
	LastAbsent *history.Op
}

// Quantiles is Jepsen's frequency distribution at points 0, 0.5, 0.95, 0.99
// and 1, in whole milliseconds.
type Quantiles struct {
	Min    int64 // point 0
	Median int64 // point 0.5
	P95    int64 // point 0.95
	P99    int64 // point 0.99
	Max    int64 // point 1
}
