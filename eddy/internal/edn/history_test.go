package edn

import (
	"encoding/json"
	"testing"

	"eddy/internal/history"
)

func TestHistoryValuePrintsTheHistoryConventions(t *testing.T) {
	cases := []struct {
		v    any
		want string
	}{
		{nil, "nil"},
		{int64(7), "7"},
		{[]any{int64(0), int64(9), json.RawMessage(`1.0`), json.RawMessage(`"x"`)}, `[0 9 1.0 "x"]`},
		{[]any{}, "[]"},
		{":majority", ":majority"},
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
	nemesis := history.Op{Type: history.Info, Process: history.NemesisProcess, F: history.FStartPartition, Value: ":majority"}
	want = `{:index 0, :time 0, :type :info, :process :nemesis, :f :start-partition, :value :majority}`
	if got := Compact(HistoryOp(nemesis)); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
