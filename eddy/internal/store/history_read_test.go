package store

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"eddy/internal/history"
	"eddy/internal/nemesis"
)

// everyKindOfOp is a history with every kind of op eddy records.
func everyKindOfOp() history.History {
	var b builder
	b.Broadcast(0, 7, 0, ms(1))
	b.Invoke(1, history.FBroadcast, history.Element(8), ms(2))
	b.H.Append(history.Op{Time: ms(5002), Type: history.Info, Process: 1, Node: "n1", F: history.FBroadcast, Value: history.Element(8), Error: ":net-timeout"})
	b.Invoke(2, history.FRead, nil, ms(3)).Complete(2, history.Fail, history.FRead, nil, ms(4))
	b.H[len(b.H)-1].Error = `[:crash "boom \"quoted\""]`
	b.Invoke(3, history.FRead, nil, ms(5)).
		Complete(3, history.OK, history.FRead, history.Read{{Int: 7}, raw("1.5"), raw(`"x<y"`), raw(`{"a":[1,null,true]}`), raw("123456789012345678901234"), {Int: -2}}, ms(6))
	b.Invoke(4, history.FBroadcast, history.Element(9), ms(7))
	b.H.Append(history.Op{Time: ms(8), Type: history.Info, Process: 4, Node: "n4", F: history.FBroadcast, Value: history.Element(9),
		Exception: "malformed-rpc-response", Error: `"indeterminate: Malformed RPC response."`})
	grudge := map[string][]string{"n0": {"n1", "n2"}, "n1": {"n0"}, "n2": {"n0"}}
	nem := func(at int64, f string, v history.Value) {
		b.H.Append(history.Op{Time: at, Type: history.Info, Process: history.NemesisProcess, F: f, Value: v})
	}
	nem(ms(10), history.FStartPartition, history.EDN(":majority"))
	nem(ms(11), history.FStartPartition, history.Isolated{Drops: grudge, Text: nemesis.FormatIsolated(grudge)})
	nem(ms(12), history.FStopPartition, nil)
	nem(ms(13), history.FStopPartition, history.EDN(nemesis.NetworkHealed))
	nem(ms(14), history.FKill, nil)
	killed := map[string]string{"n2": history.Killed, "n0": history.Killed}
	nem(ms(15), history.FKill, history.Outcomes{Of: killed, Text: nemesis.FormatOutcomes([]string{"n2", "n0"}, killed)})
	nem(ms(16), history.FStart, history.EDN(":all"))
	b.H.Append(history.Op{Time: ms(17), Type: history.Info, Process: history.NemesisProcess, F: history.FStart, Value: history.EDN(":all"),
		Exception: "nemesis", Error: `"indeterminate: init failed"`})
	nem(ms(18), history.FResume, history.EDN(":all"))
	nem(ms(19), history.FResume, history.Outcomes{Of: map[string]string{}, Text: "{}"})
	b.Invoke(0, history.FRead, nil, ms(20)).Complete(0, history.OK, history.FRead, ints(), ms(21))
	b.H[len(b.H)-2].Final, b.H[len(b.H)-1].Final = true, true
	return b.H
}

func TestHistoryReadsBackAsItWasWritten(t *testing.T) {
	h := everyKindOfOp()
	d := runDir(t)
	if err := d.WriteHistory(h); err != nil {
		t.Fatal(err)
	}
	got, err := At(d.Path()).ReadHistory()
	if err != nil {
		t.Fatal(err)
	}
	want := make(history.History, len(h))
	for i, op := range h {
		op.Node = "" // not in history.edn
		want[i] = op
	}
	if len(got) != len(want) {
		t.Fatalf("read %d ops, wrote %d", len(got), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("op %d read back as\n%#v\nwant\n%#v", i, got[i], want[i])
		}
	}
	// After --gzip-store only history.edn.gz is left; it reads the same.
	if err := d.Gzip(HistoryEDNFile); err != nil {
		t.Fatal(err)
	}
	if again, err := At(d.Path()).ReadHistory(); err != nil || len(again) != len(want) {
		t.Errorf("gzipped history: %d ops, %v", len(again), err)
	}
	if _, err := os.Stat(d.File(HistoryEDNFile)); err == nil {
		t.Error("gzip left the original")
	}
}

func TestABadHistoryLineSaysWhere(t *testing.T) {
	d := runDir(t)
	if err := os.WriteFile(d.File(HistoryEDNFile), []byte("{:index 0, :time 0, :type :invoke, :process 0, :f :read, :value nil}\n{:index 1, :type :wat}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := d.ReadHistory(); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("err = %v", err)
	}
}
