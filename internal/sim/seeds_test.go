package sim

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestSimSeeds runs -seeds independent seeds (or replays -seed) and checks
// every property of Run on each. It ends by replaying a few seeds to check
// that equal seeds give equal traces.
func TestSimSeeds(t *testing.T) {
	o := overrides()
	if *seedFlag != 0 {
		replay(t, *seedFlag, o)
		return
	}
	start := time.Now() // the runner's own speed, reported; never seen by a simulation
	results, failures := runSeeds(t, *firstFlag, *seedsFlag, o)
	for _, f := range failures[:min(len(failures), 10)] {
		t.Errorf("%v\n  scenario: %s\n  replay:   %s", f.err, f.sc, replayCommand(f.sc.Seed, o))
	}
	if len(failures) > 0 {
		t.Fatalf("%d of %d seeds failed; first failing seed %d", len(failures), *seedsFlag, failures[0].sc.Seed)
	}
	t.Logf("%s", summarise(results))
	checkDeterministic(t, results[:min(len(results), 20)], o)
	t.Logf("%d seeds passed in %v", len(results), time.Since(start).Round(time.Millisecond))
}

type failure struct {
	sc  Scenario
	err error
}

// runSeeds runs count seeds from first, spread over parallel subtests that
// pull seeds from a shared counter, and returns the results and failures,
// each sorted by seed.
func runSeeds(t *testing.T, first int64, count int, o Overrides) ([]Result, []failure) {
	var (
		next     atomic.Int64
		mu       sync.Mutex
		results  []Result
		failures []failure
	)
	workers := *workersFlag
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	t.Run("pool", func(t *testing.T) {
		for w := range workers {
			t.Run(fmt.Sprint(w), func(t *testing.T) {
				t.Parallel()
				for {
					i := next.Add(1) - 1
					if i >= int64(count) {
						return
					}
					r, err := Run(first+i, o, nil)
					mu.Lock()
					if err != nil {
						r.Scenario.Seed = first + i
						failures = append(failures, failure{r.Scenario, err})
					} else {
						results = append(results, r)
					}
					mu.Unlock()
				}
			})
		}
	})
	slices.SortFunc(results, func(a, b Result) int { return int(a.Scenario.Seed - b.Scenario.Seed) })
	slices.SortFunc(failures, func(a, b failure) int { return int(a.sc.Seed - b.sc.Seed) })
	return results, failures
}

// checkDeterministic replays seeds and demands the same trace hash.
func checkDeterministic(t *testing.T, results []Result, o Overrides) {
	for _, r := range results {
		again, err := Run(r.Scenario.Seed, o, nil)
		if err != nil || again.Hash != r.Hash {
			t.Fatalf("seed %d is not deterministic: hash %016x, then %016x (%v)\n  replay: %s",
				r.Scenario.Seed, r.Hash, again.Hash, err, replayCommand(r.Scenario.Seed, o))
		}
	}
	t.Logf("trace hashes deterministic over %d seeds", len(results))
}

// replay runs one seed with its trace kept: written to -trace if given, and
// its tail logged on failure.
func replay(t *testing.T, seed int64, o Overrides) {
	var trace bytes.Buffer
	r, err := Run(seed, o, &trace)
	if *traceFlag != "" {
		if werr := os.WriteFile(*traceFlag, trace.Bytes(), 0o644); werr != nil {
			t.Errorf("writing trace: %v", werr)
		}
	}
	if err != nil {
		t.Fatalf("%v\n  scenario: %s\n  last trace lines:\n%s\n  replay: %s",
			err, r.Scenario, tail(trace.String(), 40), replayCommand(seed, o))
	}
	t.Logf("seed %d passed: %s", seed, r.Scenario)
	t.Logf("%d ticks, %d values, settled in %d ticks, %d messages sent, trace %d lines hash %016x",
		r.Ticks, r.Values, r.SettleTicks, r.Stats.Sent, strings.Count(trace.String(), "\n"), r.Hash)
}

// replayCommand is the one line that replays exactly this seed.
func replayCommand(seed int64, o Overrides) string {
	cmd := fmt.Sprintf("go test ./internal/sim -run 'TestSimSeeds$' -seed=%d", seed)
	if o.Nodes != 0 {
		cmd += fmt.Sprintf(" -nodes=%d", o.Nodes)
	}
	if o.Strategy != "" {
		cmd += " -strategy=" + o.Strategy
	}
	if o.Faults != "" {
		cmd += " -faults=" + o.Faults
	}
	if o.NoPauseFence {
		cmd += " -no-pause-fence"
	}
	return cmd + " -v"
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	return "    " + strings.Join(lines[max(0, len(lines)-n):], "\n    ")
}

// summarise reports what the seeds covered, so a run that passes because it
// exercised nothing shows it.
func summarise(results []Result) string {
	var values, ops, sent, dropped, cut, dups, kills, torn, pauses, timeouts int
	var maxSettle int64
	strategies := map[string]int{}
	for _, r := range results {
		values += r.Values
		ops += r.Stats.Ops
		sent += r.Stats.Sent
		dropped += r.Stats.Dropped
		cut += r.Stats.Cut
		dups += r.Stats.Duplicated
		kills += r.Stats.Kills
		torn += r.Stats.Torn
		pauses += r.Stats.Pauses
		timeouts += r.Stats.TimedOut
		maxSettle = max(maxSettle, r.SettleTicks)
		strategies[r.Scenario.Config.Strategy.String()]++
	}
	return fmt.Sprintf("covered: strategies %v, %d client ops, %d values acknowledged, %d messages sent, %d dropped, %d cut by partitions, %d duplicated; %d kills (%d in a write), %d pauses, %d requests timed out; slowest settle %d ticks",
		strategies, ops, values, sent, dropped, cut, dups, kills, torn, pauses, timeouts, maxSettle)
}
