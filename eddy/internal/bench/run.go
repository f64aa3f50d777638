package bench

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Figures are one eddy run's results, as the project's targets state them.
type Figures struct {
	Seed       int64
	Valid      string  // "true", "false" or "unknown", as results.json has :valid?, or Crashed
	Lost       int     // workload lost-count
	Ops        int     // client invocations: the msgs-per-op denominator
	ServersMPO float64 // net :servers msgs-per-op
	AllMPO     float64 // net :all msgs-per-op
	MedianMS   int     // stable-latencies 0.5
	P95MS      int     // stable-latencies 0.95
	MaxMS      int     // stable-latencies 1
	Dir        string  // the run's store directory
	Cost       *Cost   // the nodes' resource use, when eddy recorded it
	// Limit and Excess are the perfect broadcast's stable latency and the
	// run's excess over it, from limit.json; nil when eddy wrote none, or
	// when the run had no stable value to measure (HasLimitFile tells
	// which).
	Limit, Excess *Points
	HasLimitFile  bool
	// Faults are the run's process faults and mute nodes, from
	// faults.json; nil when eddy wrote none.
	Faults *Faults
}

// Faults are what eddy's faults.json says of one run.
type Faults struct {
	Kills    int      `json:"kills"`
	Pauses   int      `json:"pauses"`
	Restarts int      `json:"restarts"`
	Mute     []string `json:"mute"`
}

// Points are a stable-latency distribution's 0.5, 0.95 and 1 points, in ms,
// as limit.json keys them.
type Points struct {
	MedianMS int `json:"0.5"`
	P95MS    int `json:"0.95"`
	MaxMS    int `json:"1"`
}

// Cost is what the nodes of one run used, from eddy's cost.json.
type Cost struct {
	Nodes         int     `json:"nodes"`
	CPUSeconds    float64 `json:"cpu_seconds"`
	CPUPer1000Ops float64 `json:"cpu_seconds_per_1000_ops"`
	PeakRSSMaxMiB float64 `json:"peak_rss_max_mib"`
	PeakRSSAvgMiB float64 `json:"peak_rss_mean_mib"`
}

// ErrNoResults is Run's error when eddy ended without writing results: the
// run crashed (a node died, init failed) or eddy itself failed.
var ErrNoResults = errors.New("wrote no results")

// Crashed is the Valid of a run that wrote no results.
const Crashed = "crashed"

// HasResults reports whether the run wrote results; a crashed run has no
// figures, and only the validity rule counts it.
func (f Figures) HasResults() bool { return f.Valid != Crashed }

// Run starts eddy with args in dir, waits for it, and reads the figures of
// the run it wrote. eddy's exit status is not an error: an invalid run still
// has figures, and Valid says what the checker thought.
func Run(ctx context.Context, eddy, dir string, args []string) (Figures, error) {
	cmd := exec.CommandContext(ctx, eddy, args...)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return Figures{}, err
	}
	store, ok := storeDir(out.Bytes())
	if !ok {
		return Figures{}, fmt.Errorf("eddy %s: %w:\n%s", strings.Join(args, " "), ErrNoResults, lastLines(out.String(), 15))
	}
	if !filepath.IsAbs(store) {
		store = filepath.Join(dir, store)
	}
	return Read(store)
}

// storeDir finds the directory in eddy's "Wrote <dir>/results.edn" line.
func storeDir(out []byte) (string, bool) {
	const marker = "jepsen.store Wrote "
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		if _, path, ok := strings.Cut(sc.Text(), marker); ok {
			return filepath.Dir(strings.TrimSpace(path)), true
		}
	}
	return "", false
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// Read loads the figures of the run stored in dir.
func Read(dir string) (Figures, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "results.json"))
	if err != nil {
		return Figures{}, err
	}
	var r results
	if err := json.Unmarshal(raw, &r); err != nil {
		return Figures{}, fmt.Errorf("%s: %w", dir, err)
	}
	f := Figures{
		Valid:      validity(r.Valid),
		Lost:       r.Workload.LostCount,
		ServersMPO: r.Net.Servers.MsgsPerOp,
		AllMPO:     r.Net.All.MsgsPerOp,
		MedianMS:   r.Workload.StableLatencies["0.5"],
		P95MS:      r.Workload.StableLatencies["0.95"],
		MaxMS:      r.Workload.StableLatencies["1"],
		Dir:        dir,
	}
	if f.ServersMPO > 0 {
		f.Ops = int(float64(r.Net.Servers.MsgCount)/f.ServersMPO + 0.5)
	}
	if raw, err := os.ReadFile(filepath.Join(dir, "cost.json")); err == nil {
		var c Cost
		if json.Unmarshal(raw, &c) == nil {
			f.Cost = &c
		}
	}
	if raw, err := os.ReadFile(filepath.Join(dir, "faults.json")); err == nil {
		var fa Faults
		if json.Unmarshal(raw, &fa) == nil {
			f.Faults = &fa
		}
	}
	if raw, err := os.ReadFile(filepath.Join(dir, "limit.json")); err == nil {
		var l struct {
			Limit  *Points `json:"stable-latencies"`
			Excess *Points `json:"excess"`
		}
		if json.Unmarshal(raw, &l) == nil {
			f.Limit, f.Excess, f.HasLimitFile = l.Limit, l.Excess, true
		}
	}
	return f, nil
}

// results is the part of results.json this package reads.
type results struct {
	Valid    any `json:"valid?"`
	Workload struct {
		LostCount       int            `json:"lost-count"`
		StableLatencies map[string]int `json:"stable-latencies"`
	} `json:"workload"`
	Net struct {
		All     netGroup `json:"all"`
		Servers netGroup `json:"servers"`
	} `json:"net"`
}

type netGroup struct {
	MsgCount  int     `json:"msg-count"`
	MsgsPerOp float64 `json:"msgs-per-op"`
}

// validity spells :valid? the way results.json may hold it: a boolean, or
// the keyword :unknown as a string.
func validity(v any) string {
	switch x := v.(type) {
	case bool:
		return fmt.Sprint(x)
	case string:
		return strings.TrimPrefix(x, ":")
	}
	return "unknown"
}
