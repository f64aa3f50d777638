package report

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"eddy/internal/checker"
	"eddy/internal/history"
	"eddy/internal/limit"
	"eddy/internal/nemesis"
	"eddy/internal/summary"
)

// fixture is a small synthetic run: five nodes, one worker each, an op
// every 100 ms for 10 s, n4 cut off from 2 s to 5 s, n3 paused from 3 s
// to 8 s and n2 killed from 6 s to 7 s (the nemesis ops only: the reads do
// not show them), values visible on a node 200 ms after their broadcast
// (or after the heal), one broadcast that timed out and one failed read;
// and a journal to match.
type fixture struct {
	in      Input
	journal []byte
}

const (
	fxNodes   = 5
	fxStep    = 100 * time.Millisecond
	fxEnd     = 10 * time.Second
	fxCutFrom = 2 * time.Second
	fxCutTo   = 5 * time.Second
	fxZero    = 7_000_000 // raw journal time that is history time 0
)

func newFixture(t *testing.T) fixture {
	t.Helper()
	nodes := []string{"n0", "n1", "n2", "n3", "n4"}
	var h history.History
	var journal bytes.Buffer
	msgID := int64(0)
	event := func(at int64, ev, src, dest, typ string) {
		fmt.Fprintf(&journal, `{"t":%d,"ev":%q,"id":%d,"src":%q,"dest":%q,"type":%q}`+"\n", at+fxZero, ev, msgID, src, dest, typ)
	}
	send := func(at, lat int64, src, dest, typ string, dropped bool) {
		event(at, "send", src, dest, typ)
		if dropped {
			event(at+lat, "drop", src, dest, typ)
		} else {
			event(at+lat, "recv", src, dest, typ)
		}
		msgID++
	}
	for i, n := range nodes {
		send(-int64(time.Millisecond)*int64(5-i), 0, fmt.Sprintf("c%d", i), n, "init", false)
	}
	fmt.Fprintf(&journal, `{"t":%d,"ev":"clock-zero"}`+"\n", fxZero)

	cut := func(a, b string, at int64) bool {
		in := at >= int64(fxCutFrom) && at < int64(fxCutTo)
		return in && (a == "n4") != (b == "n4")
	}
	type sent struct {
		v    int64
		at   int64
		from string
	}
	var values []sent
	visible := func(node string, at int64) history.Read {
		out := history.Read{}
		for _, s := range values {
			arrive := s.at + int64(200*time.Millisecond)
			if s.from != node && cut(s.from, node, s.at) {
				arrive = int64(fxCutTo) + int64(200*time.Millisecond)
			}
			if s.from == node || arrive <= at {
				out = append(out, history.ReadItem{Int: s.v})
			}
		}
		return out
	}
	h.Append(history.Op{Time: int64(fxCutFrom), Type: history.Info, Process: history.NemesisProcess, F: history.FStartPartition, Value: history.EDN(":one")})
	h.Append(history.Op{Time: int64(fxCutFrom) + 1000, Type: history.Info, Process: history.NemesisProcess, F: history.FStartPartition, Value: history.Isolated{
		Drops: map[string][]string{"n0": {"n4"}, "n1": {"n4"}, "n2": {"n4"}, "n3": {"n4"}, "n4": {"n0", "n1", "n2", "n3"}},
		Text:  `[:isolated {"n4" #{"n0" "n1" "n2" "n3"}}]`,
	}})

	fault := func(at int64, f string, invoked history.Value, of map[string]string, order ...string) {
		h.Append(history.Op{Time: at, Type: history.Info, Process: history.NemesisProcess, F: f, Value: invoked})
		h.Append(history.Op{Time: at + 1000, Type: history.Info, Process: history.NemesisProcess, F: f,
			Value: history.Outcomes{Of: of, Text: nemesis.FormatOutcomes(order, of)}})
	}
	everyone := func(outcome string) map[string]string {
		of := map[string]string{}
		for _, n := range nodes {
			of[n] = outcome
		}
		return of
	}
	fault(int64(3*time.Second), history.FPause, history.EDN(":one"), map[string]string{"n3": history.Paused}, "n3")
	fault(int64(6*time.Second), history.FKill, nil, map[string]string{"n2": history.Killed}, "n2")
	started := everyone(history.AlreadyRunning)
	started["n2"] = history.Started
	fault(int64(7*time.Second), history.FStart, history.EDN(":all"), started, nodes...)
	fault(int64(8*time.Second), history.FResume, history.EDN(":all"), everyone(history.Resumed), nodes...)

	var next int64
	healed := false
	process := make([]int, fxNodes)
	for i := range process {
		process[i] = i
	}
	for k := 0; int64(k)*int64(fxStep) < int64(fxEnd); k++ {
		at := int64(k) * int64(fxStep)
		if at >= int64(fxCutTo) && !healed {
			healed = true
			h.Append(history.Op{Time: int64(fxCutTo), Type: history.Info, Process: history.NemesisProcess, F: history.FStopPartition})
			h.Append(history.Op{Time: int64(fxCutTo) + 500, Type: history.Info, Process: history.NemesisProcess, F: history.FStopPartition, Value: history.EDN(":network-healed")})
		}
		w := k % fxNodes
		node, client := nodes[w], fmt.Sprintf("c%d", 10+w)
		lat := int64(time.Millisecond) * int64(1+k%7)
		if k%2 == 0 {
			v := next
			next++
			h.Append(history.Op{Time: at, Type: history.Invoke, Process: process[w], F: history.FBroadcast, Value: history.Element(v)})
			values = append(values, sent{v, at, node})
			typ := history.OK
			if k == 42 { // a broadcast that timed out
				typ, lat = history.Info, int64(5*time.Second)/10
			}
			h.Append(history.Op{Time: at + lat, Type: typ, Process: process[w], F: history.FBroadcast, Value: history.Element(v)})
			send(at, 0, client, node, "broadcast", false)
			for _, peer := range nodes {
				if peer != node {
					send(at+1000, int64(time.Millisecond), node, peer, "gossip", cut(node, peer, at))
				}
			}
			if typ == history.Info {
				process[w] += fxNodes
			} else {
				send(at+lat, 0, node, client, "broadcast_ok", false)
			}
			continue
		}
		h.Append(history.Op{Time: at, Type: history.Invoke, Process: process[w], F: history.FRead})
		send(at, 0, client, node, "read", false)
		if k == 13 { // a read the node refused
			h.Append(history.Op{Time: at + lat, Type: history.Fail, Process: process[w], F: history.FRead, Error: ":temporarily-unavailable"})
			send(at+lat, 0, node, client, "error", false)
			continue
		}
		h.Append(history.Op{Time: at + lat, Type: history.OK, Process: process[w], F: history.FRead, Value: visible(node, at)})
		send(at+lat, 0, node, client, "read_ok", false)
	}
	// The final reads, after the values have settled.
	final := int64(fxEnd) + int64(time.Second)
	for w := range nodes {
		h.Append(history.Op{Time: final, Type: history.Invoke, Process: process[w], F: history.FRead, Final: true})
		h.Append(history.Op{Time: final + int64(time.Millisecond), Type: history.OK, Process: process[w], F: history.FRead, Value: visible(nodes[w], final), Final: true})
	}
	slices.SortStableFunc(h, func(a, b history.Op) int { return cmp.Compare(a.Time, b.Time) })
	for i := range h {
		h[i].Index = i
	}
	// The figures come from the real checker and limit, so the page shows
	// what a run would.
	results := checker.Check(h, checker.NetCounts{Servers: checker.NetGroup{SendCount: 400, RecvCount: 380, MsgCount: 400}}, checker.Options{})
	lim := limit.Compute(h, results.Workload, limit.Network{Nodes: nodes, Concurrency: fxNodes, Hop: 200 * time.Millisecond})
	verdict, _ := results.Verdict()
	cost := &summary.Cost{Nodes: fxNodes, Ops: 105, CPUSeconds: 0.5, CPUPer1000Ops: 4.76, PeakRSSMeanMiB: 4.2, PeakRSSMaxMiB: 5.1}
	return fixture{
		in: Input{
			History: h, Nodes: nodes, Concurrency: fxNodes,
			Run:        withFaults(summary.Of(results, verdict, &lim, cost, nil, "index.html"), h),
			ResultsEDN: results.EDN(),
			Parameters: "--node-count 5 (fixture)",
		},
		journal: journal.Bytes(),
	}
}

func withFaults(r summary.Run, h history.History) summary.Run {
	r.Faults = summary.FaultsOf(h, []string{"n3"})
	return r
}

// writeFixture writes the fixture's journal into a fresh run directory,
// runs Write and returns the directory.
func writeFixture(t *testing.T) string {
	t.Helper()
	fx := newFixture(t)
	fx.in.Dir = filepath.Join(t.TempDir(), "20260316T065145.052Z")
	if err := os.MkdirAll(filepath.Join(fx.in.Dir, "node-logs"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string][]byte{
		"net-journal.jsonl": fx.journal,
		"results.edn":       []byte(fx.in.ResultsEDN), "node-logs/n0.log": []byte("hello\n"),
	} {
		if err := os.WriteFile(filepath.Join(fx.in.Dir, name), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := Write(fx.in); err != nil {
		t.Fatal(err)
	}
	return fx.in.Dir
}
