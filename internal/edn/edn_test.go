package edn

import (
	"encoding/json"
	"testing"
)

func TestValue(t *testing.T) {
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
		if got := Value(c.v); got != c.want {
			t.Errorf("Value(%#v) = %s, want %s", c.v, got, c.want)
		}
	}
}

func TestFromJSONKeywordizesOnlyTheOuterLevels(t *testing.T) {
	got := FromJSON([]byte(`{"type":"topology","topology":{"n0":["n1"]},"msg_id":1}`), 1)
	want := `{:msg_id 1, :topology {"n0" ["n1"]}, :type "topology"}`
	if got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestStringEscapes(t *testing.T) {
	if got := String("a\"b\nc"); got != `"a\"b\nc"` {
		t.Errorf("got %s", got)
	}
}
