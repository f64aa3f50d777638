package store

import (
	"reflect"
	"testing"
	"time"

	"eddy/internal/checker"
	"eddy/internal/history"
)

// runDir is a fresh run directory.
func runDir(t *testing.T) *Dir {
	t.Helper()
	d, err := Create(t.TempDir(), "broadcast", time.Date(2026, 3, 16, 6, 51, 45, 52e6, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// printed is what the results map prints of r: everything but the
// elements, the op count and the nodes of the ops.
func printed(r *checker.Results) *checker.Results {
	c := *r
	c.Workload.Elements = nil
	c.Net.OpCount = 0
	clear := func(op *history.Op) *history.Op {
		if op == nil {
			return nil
		}
		o := *op
		o.Node = ""
		return &o
	}
	c.Exceptions.Groups = append([]checker.ExceptionGroup(nil), r.Exceptions.Groups...)
	for i := range c.Exceptions.Groups {
		c.Exceptions.Groups[i].Example = *clear(&c.Exceptions.Groups[i].Example)
	}
	if r.Workload.WorstStale != nil {
		c.Workload.WorstStale = append([]checker.ElementResult{}, r.Workload.WorstStale...)
		for i := range c.Workload.WorstStale {
			c.Workload.WorstStale[i].Known = clear(c.Workload.WorstStale[i].Known)
			c.Workload.WorstStale[i].LastAbsent = clear(c.Workload.WorstStale[i].LastAbsent)
		}
	}
	return &c
}

func TestResultsReadBackAsTheyWereWritten(t *testing.T) {
	passing, net := passingRun()
	var lossy builder
	lossy.Broadcast(14, 69, ms(13170), ms(13171)).Broadcast(0, 1, ms(13172), ms(13173)).
		Read(17, ints(), ms(13593), ms(13600))
	lossy.Invoke(3, history.FRead, nil, ms(14000)).
		Complete(3, history.OK, history.FRead, history.Read{{Int: 69}, raw("1.5"), raw(`"x"`), raw(`{"a":[1,null]}`)}, ms(14001))
	lossy.H[len(lossy.H)-2].Final = true
	lossy.H[len(lossy.H)-1].Final = true
	lossy.Read(5, ints(69), ms(15000), ms(15001))
	lossy.Invoke(6, history.FBroadcast, history.Element(2), ms(15002))
	lossy.H.Append(history.Op{Time: ms(15003), Type: history.Info, Process: 6, F: history.FBroadcast, Value: history.Element(2),
		Exception: "malformed-rpc-response", Error: `"indeterminate: bad reply"`})
	lossy.H.Append(history.Op{Time: ms(15004), Type: history.Info, Process: history.NemesisProcess, F: history.FStart, Value: history.EDN(":all")})
	lossy.H.Append(history.Op{Time: ms(15005), Type: history.Info, Process: history.NemesisProcess, F: history.FStart, Value: history.EDN(":all"),
		Exception: "java.lang.IllegalStateException", Error: `"indeterminate: init failed"`})
	var failing builder
	failing.Read(0, ints(), 0, ms(1))
	failing.H.Append(history.Op{Time: ms(2), Type: history.OK, Process: 1, F: history.FRead, Value: ints(1)}) // no invocation

	for _, c := range []struct {
		name string
		r    *checker.Results
	}{
		{"passing", checker.Check(passing, net, checker.Options{})},
		{"lost, stale, exceptions", checker.Check(lossy.H, net, checker.Options{Availability: "0.5"})},
		{"failed sub-checkers", checker.Check(failing.H, checker.NetCounts{}, checker.Options{Availability: "most"})},
		{"nothing at all", checker.Check(nil, checker.NetCounts{}, checker.Options{})},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := runDir(t)
			if err := d.WriteResults(c.r); err != nil {
				t.Fatal(err)
			}
			got, err := At(d.Path()).ReadResults()
			if err != nil {
				t.Fatal(err)
			}
			if c.name == "lost, stale, exceptions" && (len(c.r.Workload.WorstStale) == 0 || len(c.r.Exceptions.Groups) != 2 || c.r.Workload.LostCount == 0) {
				t.Fatalf("the case lacks what it is for: %+v", c.r)
			}
			if want := printed(c.r); !reflect.DeepEqual(got, want) {
				t.Errorf("read back\n%+v\nwant\n%+v", got, want)
			}
		})
	}
}

func TestResultsWithoutAVerdictAreAnError(t *testing.T) {
	for _, raw := range []string{
		`{}`,
		`{"perf":{"latency-graph":{"valid?":true},"rate-graph":{"valid?":true},"valid?":true},"timeline":{"valid?":true},"exceptions":{"valid?":true},"stats":{"valid?":true,"by-f":{}},"availability":{"valid?":true,"ok-fraction":1},"net":{"valid?":true},"workload":{"lost":[]},"valid?":true}`,
		`{"valid?":"maybe"}`,
	} {
		if _, err := decodeResults([]byte(raw)); err == nil {
			t.Errorf("%s read without an error", raw)
		}
	}
}
