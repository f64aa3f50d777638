package edn

import (
	"encoding/json"
	"testing"

	"eddy/internal/history"
)

func TestHistoryValuePrintsTheHistoryConventions(t *testing.T) {
	cases := []struct {
		v    history.Value
		want string
	}{
		{nil, "nil"},
		{history.Element(7), "7"},
		{history.Read{{Int: 0}, {Int: 9}, {Raw: json.RawMessage(`1.0`)}, {Raw: json.RawMessage(`"x"`)}}, `[0 9 1.0 "x"]`},
		{history.Read{}, "[]"},
		{history.EDN(":majority"), ":majority"},
		{history.Isolated{Drops: map[string][]string{"n1": {"n2"}}, Text: `[:isolated {"n1" #{"n2"}}]`}, `[:isolated {"n1" #{"n2"}}]`},
	}
	for _, c := range cases {
		if got := Compact(HistoryValue(c.v)); got != c.want {
			t.Errorf("HistoryValue(%#v) = %s, want %s", c.v, got, c.want)
		}
	}
}

func TestHistoryOpPrintsJepsensFieldOrder(t *testing.T) {
	op := history.Op{
		Index: 4, Time: 1200, Type: history.Info, Process: 3, F: history.FRead,
		Exception: "malformed-rpc-response", Error: `"indeterminate: x"`, Final: true,
	}
	want := `{:index 4, :time 1200, :type :info, :process 3, :f :read, :value nil, ` +
		`:final? true, :exception "malformed-rpc-response", :error "indeterminate: x"}`
	if got := Compact(HistoryOp(op)); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	nemesis := history.Op{Type: history.Info, Process: history.NemesisProcess, F: history.FStartPartition, Value: history.EDN(":majority")}
	want = `{:index 0, :time 0, :type :info, :process :nemesis, :f :start-partition, :value :majority}`
	if got := Compact(HistoryOp(nemesis)); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
