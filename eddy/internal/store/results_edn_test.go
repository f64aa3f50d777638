package store

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"eddy/internal/checker"
	"eddy/internal/edn"
	"eddy/internal/history"
)

// passingRun is a history with the figures of the §9.1 example of docs/SEMANTICS.md:
// 98 acknowledged broadcasts and 107 reads, every read returning everything
// broadcast so far.
func passingRun() (history.History, checker.NetCounts) {
	var b builder
	var sent []int64
	reads := 0
	for i := int64(0); len(sent) < 98 || reads < 107; i++ {
		at := ms(10 * i)
		if len(sent) < 98 && (i%2 == 0 || reads == 107) {
			v := int64(len(sent))
			b.Broadcast(int(i%5), v, at, at+ms(1))
			sent = append(sent, v)
			continue
		}
		b.Read(int(i%5), ints(sent...), at, at+ms(1))
		reads++
	}
	return b.H, checker.NetCounts{
		All:     checker.NetGroup{SendCount: 1250, RecvCount: 1250, MsgCount: 1250},
		Clients: checker.NetGroup{SendCount: 430, RecvCount: 430, MsgCount: 430},
		Servers: checker.NetGroup{SendCount: 820, RecvCount: 820, MsgCount: 820},
	}
}

const passingEDN = `{:perf {:latency-graph {:valid? true},
        :rate-graph {:valid? true},
        :valid? true},
 :timeline {:valid? true},
 :exceptions {:valid? true},
 :stats {:valid? true,
         :count 205,
         :ok-count 205,
         :fail-count 0,
         :info-count 0,
         :by-f {:broadcast {:valid? true,
                            :count 98,
                            :ok-count 98,
                            :fail-count 0,
                            :info-count 0},
                :read {:valid? true,
                       :count 107,
                       :ok-count 107,
                       :fail-count 0,
                       :info-count 0}}},
 :availability {:valid? true, :ok-fraction 1.0},
 :net {:all {:send-count 1250,
             :recv-count 1250,
             :msg-count 1250,
             :msgs-per-op 6.097561},
       :clients {:send-count 430, :recv-count 430, :msg-count 430},
       :servers {:send-count 820,
                 :recv-count 820,
                 :msg-count 820,
                 :msgs-per-op 4.0},
       :valid? true},
 :workload {:worst-stale (),
            :duplicated-count 0,
            :valid? true,
            :lost-count 0,
            :lost (),
            :stable-count 98,
            :stale-count 0,
            :stale (),
            :never-read-count 0,
            :stable-latencies {0 0, 0.5 0, 0.95 0, 0.99 0, 1 0},
            :attempt-count 98,
            :never-read (),
            :duplicated {}},
 :valid? true}
`

func TestEDNOfAPassingRunMatchesMaelstromsLayout(t *testing.T) {
	h, net := passingRun()
	r := checker.Check(h, net, checker.Options{})
	if got := ResultsEDN(r); got != passingEDN {
		t.Errorf("got\n%s\nwant\n%s", got, passingEDN)
	}
}

func TestWorkloadKeyOrderWithLostElements(t *testing.T) {
	var b builder
	b.Broadcast(0, 0, 0, ms(1)).Broadcast(0, 1, ms(2), ms(3)).
		Read(1, ints(0, 1), ms(4), ms(5)).
		Read(2, ints(0), ms(6), ms(7))
	text := ResultsEDN(checker.Check(b.H, checker.NetCounts{}, checker.Options{}))
	workload := text[strings.Index(text, ":workload"):]
	keys := regexp.MustCompile(`(?m)^(?::workload \{|\s+)(:[a-z?-]+) `).FindAllStringSubmatch(workload, -1)
	var got []string
	for _, k := range keys {
		got = append(got, k[1])
	}
	want := []string{":worst-stale", ":duplicated-count", ":valid?", ":lost-count", ":lost",
		":stable-count", ":stale-count", ":stale", ":never-read-count", ":stable-latencies",
		":attempt-count", ":lost-latencies", ":never-read", ":duplicated", ":valid?"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("workload keys = %v\nwant %v\n%s", got, want, workload)
	}
	if !strings.Contains(text, ":lost (1),") || !strings.Contains(text, ":lost-latencies {0 1, 0.5 1, 0.95 1, 0.99 1, 1 1},") {
		t.Errorf("lost figures missing:\n%s", workload)
	}
}

func TestWorstStaleOpsPrintAsJepsenHistoryOps(t *testing.T) {
	var b builder
	b.Broadcast(14, 69, ms(13170), ms(13171)).
		Read(17, ints(), ms(13593), ms(13600))
	b.Invoke(3, history.FRead, nil, ms(14000)).
		Complete(3, history.OK, history.FRead, history.Read{{Int: 69}, raw("1.5"), raw(`"x"`)}, ms(14001))
	b.H[len(b.H)-2].Final = true
	b.H[len(b.H)-1].Final = true
	text := ResultsEDN(checker.Check(b.H, checker.NetCounts{}, checker.Options{}))
	for _, want := range []string{
		":known #jepsen.history.Op{:index 1,",
		":type :ok,",
		":f :add,",
		":value 69},",
		":last-absent #jepsen.history.Op{:index 2,",
		":f :read,",
		":value nil}})",
		":stable-latency 422,",
		":lost-latency nil,",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("EDN lacks %q:\n%s", want, text)
		}
	}
}

func TestKnownReadPrintsItsValueAndFinalFlag(t *testing.T) {
	var b builder
	b.Invoke(0, history.FBroadcast, history.Element(5), 0).
		Complete(0, history.Info, history.FBroadcast, history.Element(5), ms(5000))
	b.Invoke(1, history.FRead, nil, ms(10)).
		Complete(1, history.OK, history.FRead, history.Read{{Int: 5}, raw("1.5"), raw(`"x"`)}, ms(11))
	b.H[3].Final = true
	b.Read(2, ints(), ms(20), ms(21)).Read(1, ints(5), ms(30), ms(31))
	r := checker.Check(b.H, checker.NetCounts{}, checker.Options{})
	got := opEDN(*r.Workload.Elements[0].Known, true)
	want := `#jepsen.history.Op{:index 3, :time 11000000, :type :ok, :process 1, :f :read, :value [5 1.5 "x"], :final? true}`
	if s := edn.Compact(got); s != want {
		t.Errorf("known = %s\nwant    %s", s, want)
	}
}

func TestFailedSubCheckerPrintsUnknownWithError(t *testing.T) {
	r := checker.Check(okOf(1, 1), checker.NetCounts{}, checker.Options{Availability: "most"})
	if !strings.Contains(ResultsEDN(r), ` :availability {:valid? :unknown,`) {
		t.Errorf("got:\n%s", ResultsEDN(r))
	}
}

func TestNoInvocationsPrintsOKFractionAsInteger(t *testing.T) {
	if text := ResultsEDN(checker.Check(nil, checker.NetCounts{}, checker.Options{})); !strings.Contains(text, ":availability {:valid? true, :ok-fraction 1},") {
		t.Errorf("got:\n%s", text)
	}
}

func TestMarshalJSONCarriesEveryFigure(t *testing.T) {
	h, net := passingRun()
	data, err := resultsJSON(checker.Check(h, net, checker.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Valid any `json:"valid?"`
		Net   struct {
			All     map[string]float64 `json:"all"`
			Clients map[string]float64 `json:"clients"`
			Servers map[string]float64 `json:"servers"`
		} `json:"net"`
		Stats struct {
			Count int                       `json:"count"`
			ByF   map[string]map[string]any `json:"by-f"`
		} `json:"stats"`
		Workload struct {
			Valid           any              `json:"valid?"`
			StableCount     int              `json:"stable-count"`
			Lost            []int64          `json:"lost"`
			StableLatencies map[string]int64 `json:"stable-latencies"`
		} `json:"workload"`
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if got.Valid != true || got.Workload.Valid != true || got.Workload.StableCount != 98 ||
		got.Workload.Lost == nil || got.Workload.StableLatencies["0.5"] != 0 ||
		got.Stats.Count != 205 || got.Stats.ByF["read"]["ok-count"] != 107.0 ||
		got.Net.All["msgs-per-op"] != 6.097561 || got.Net.Servers["msgs-per-op"] != 4 {
		t.Errorf("unexpected JSON: %s", data)
	}
	if _, ok := got.Net.Clients["msgs-per-op"]; ok {
		t.Errorf("clients must not carry msgs-per-op: %s", data)
	}
	if !strings.Contains(string(data), `"msgs-per-op":6.097561`) {
		t.Errorf("msgs-per-op should keep its Java spelling: %s", data)
	}
}

func TestUnknownVerdictIsSpelledAsAStringInJSON(t *testing.T) {
	data, err := resultsJSON(checker.Check(nil, checker.NetCounts{}, checker.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(string(data), `,"valid?":"unknown"}`) {
		t.Errorf("got %s", data)
	}
}

func TestExceptionsPrintTheirGroupsWithAnExample(t *testing.T) {
	var b builder
	b.Read(0, ints(), 0, ms(1)).
		Invoke(1, history.FRead, nil, ms(2))
	b.H.Append(history.Op{Time: ms(4), Type: history.Info, Process: 1, F: history.FRead,
		Exception: "malformed-rpc-response", Error: `"indeterminate: bad reply"`})
	text := ResultsEDN(checker.Check(b.H, checker.NetCounts{}, checker.Options{}))
	for _, want := range []string{
		":exceptions {:valid? true,\n",
		":exceptions ({:count 1,\n",
		":class clojure.lang.ExceptionInfo,\n",
		":f :read,\n",
		`:exception "malformed-rpc-response",`,
		`:error "indeterminate: bad reply"}})},`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("EDN lacks %q:\n%s", want, text)
		}
	}
	if none := ResultsEDN(checker.Check(nil, checker.NetCounts{}, checker.Options{})); !strings.Contains(none, "\n :exceptions {:valid? true},\n") {
		t.Errorf("got:\n%s", none)
	}
}
