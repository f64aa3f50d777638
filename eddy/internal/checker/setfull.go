package checker

import (
	"fmt"
	"sort"

	"eddy/internal/history"
)

// elementState is set-full's running knowledge of one element. Ops are
// positions in the history; -1 means none yet.
type elementState struct {
	known       int // first op proving the element exists
	lastPresent int // latest-invoked :ok read invocation that saw it
	lastAbsent  int // latest-invoked :ok read invocation that missed it
}

// checkWorkload is Jepsen's set-full checker (linearizable? false) over the
// client ops, with :broadcast playing :add (semantics §6.3).
func checkWorkload(h history.History) (Workload, error) {
	pairs := invocationsOf(h)
	states := map[int64]*elementState{}
	// created lists elements in creation order, so every read updates them
	// deterministically.
	var created []int64
	duplicated := map[int64]int{}

	for i, op := range h {
		if !op.IsClient() {
			continue
		}
		switch op.F {
		case history.FBroadcast:
			element, ok := op.ElementValue()
			if inv, paired := pairs[i]; !ok && paired {
				// Jepsen's completions repeat the invocation's value; if a
				// completion was recorded without it, its invocation knows.
				element, ok = h[inv].ElementValue()
			}
			if !ok {
				continue
			}
			if op.Type == history.Invoke {
				// A repeated value starts over, as Jepsen's assoc does.
				if _, exists := states[element]; !exists {
					created = append(created, element)
				}
				states[element] = &elementState{known: -1, lastPresent: -1, lastAbsent: -1}
				continue
			}
			if st, exists := states[element]; exists && op.Type == history.OK && st.known < 0 {
				st.known = i
			}
		case history.FRead:
			if op.Type != history.OK {
				continue
			}
			inv, ok := pairs[i]
			if !ok {
				return Workload{}, fmt.Errorf("no invocation for the :ok read at index %d", op.Index)
			}
			read, _ := op.ReadValue()
			seen, counts := readSet(read)
			scanDuplicates(counts, duplicated)
			for _, element := range created {
				st := states[element]
				if seen[element] {
					if st.known < 0 {
						st.known = i
					}
					if st.lastPresent < 0 || h[st.lastPresent].Index < h[inv].Index {
						st.lastPresent = inv
					}
				} else if st.lastAbsent < 0 || h[st.lastAbsent].Index < h[inv].Index {
					st.lastAbsent = inv
				}
			}
		}
	}

	sort.Slice(created, func(i, j int) bool { return created[i] < created[j] })
	results := make([]ElementResult, len(created))
	for k, element := range created {
		results[k] = elementResult(h, element, states[element])
	}
	w := summarize(results)
	w.DuplicatedCount = len(duplicated)
	w.Duplicated = duplicated
	if w.DuplicatedCount > 0 {
		// Unreachable by construction (see scanDuplicates); kept so the
		// rule reads as Jepsen's does.
		w.Valid = False
	}
	return w, nil
}

// readSet turns a read's returned array into the set of integer elements it
// contains, plus every element's multiplicity. Non-integers (1.0, "1", …)
// can never equal an element, so they are left out of the set.
func readSet(r history.Read) (map[int64]bool, map[int64]int) {
	seen := map[int64]bool{}
	counts := map[int64]int{}
	for _, e := range r.Ints() {
		seen[e] = true
		counts[e]++
	}
	return seen, counts
}

// scanDuplicates reproduces Jepsen's duplicate scan, bug included: it keeps
// an element only when its multiplicity within a read is below 1, which no
// element present in a read can have. So nothing is ever recorded, and a
// read may repeat values without penalty (semantics §6.4).
func scanDuplicates(counts map[int64]int, duplicated map[int64]int) {
	for element, n := range counts {
		if n < 1 {
			duplicated[element] = max(duplicated[element], n)
		}
	}
}

// elementResult is set-full-element-results: the outcome and latencies of
// one element.
func elementResult(h history.History, element int64, st *elementState) ElementResult {
	index := func(pos int) int {
		if pos < 0 {
			return -1
		}
		return h[pos].Index
	}
	opAt := func(pos int) *history.Op {
		if pos < 0 {
			return nil
		}
		op := h[pos]
		return &op
	}
	r := ElementResult{Element: element, Known: opAt(st.known), LastAbsent: opAt(st.lastAbsent)}
	stable := st.lastPresent >= 0 && index(st.lastAbsent) < index(st.lastPresent)
	lost := st.known >= 0 && st.lastAbsent >= 0 &&
		index(st.lastPresent) < index(st.lastAbsent) &&
		index(st.known) < index(st.lastAbsent)
	switch {
	case stable:
		r.Outcome = Stable
		r.StableLatency = latencyMillis(h, st.lastAbsent, st.known)
	case lost:
		r.Outcome = Lost
		r.LostLatency = latencyMillis(h, st.lastPresent, st.known)
	default:
		r.Outcome = NeverRead
	}
	return r
}

// latencyMillis is set-full's latency: from the known op's time to just
// after the reference read's invocation (time + 1 ns; 0 if there is none),
// clamped at zero and truncated to whole milliseconds.
func latencyMillis(h history.History, reference, known int) int64 {
	var end int64
	if reference >= 0 {
		end = h[reference].Time + 1
	}
	return max(0, end-h[known].Time) / 1_000_000
}

// summarize is set-full-results: counts, sorted lists, worst stale elements,
// distributions and the verdict.
func summarize(results []ElementResult) Workload {
	w := Workload{
		AttemptCount: len(results),
		Lost:         []int64{},
		NeverRead:    []int64{},
		Stale:        []int64{},
		WorstStale:   []ElementResult{},
		Elements:     results,
	}
	var stale []ElementResult
	var stableLatencies, lostLatencies []int64
	for _, r := range results { // ascending element order
		switch r.Outcome {
		case Stable:
			w.StableCount++
			stableLatencies = append(stableLatencies, r.StableLatency)
			if r.StableLatency > 0 {
				stale = append(stale, r)
				w.Stale = append(w.Stale, r.Element)
			}
		case Lost:
			w.Lost = append(w.Lost, r.Element)
			lostLatencies = append(lostLatencies, r.LostLatency)
		case NeverRead:
			w.NeverRead = append(w.NeverRead, r.Element)
		}
	}
	w.LostCount = len(w.Lost)
	w.NeverReadCount = len(w.NeverRead)
	w.StaleCount = len(w.Stale)

	// Jepsen sorts by latency ascending (stably, over ascending elements)
	// and reverses: largest latency first, and among equal latencies the
	// larger element first.
	sort.SliceStable(stale, func(i, j int) bool { return stale[i].StableLatency < stale[j].StableLatency })
	for i := len(stale) - 1; i >= 0 && len(w.WorstStale) < 8; i-- {
		w.WorstStale = append(w.WorstStale, stale[i])
	}

	w.StableLatencies = frequencyDistribution(stableLatencies)
	w.LostLatencies = frequencyDistribution(lostLatencies)

	switch {
	case w.LostCount > 0:
		w.Valid = False
	case w.StableCount == 0:
		w.Valid = Unknown
	default:
		w.Valid = True
	}
	return w
}
