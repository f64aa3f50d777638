package edn

import "testing"

func TestFromJSONKeywordizesOnlyTheOuterLevels(t *testing.T) {
	got := Compact(FromJSON([]byte(`{"type":"topology","topology":{"n0":["n1"]},"msg_id":1}`), 1))
	want := `{:msg_id 1, :topology {"n0" ["n1"]}, :type "topology"}`
	if got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestJSONValuesPrintAsCheshireDecodesThem(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{`1`, "1"},
		{`1.0`, "1.0"},
		{`1e3`, "1000.0"},
		{`"1"`, `"1"`},
		{`null`, "nil"},
		{`true`, "true"},
		{`[1, 2.5, "x", null]`, `[1 2.5 "x" nil]`},
		{`{"b": 1, "a": [2]}`, `{"a" [2], "b" 1}`},
		{`123456789012345678901234567890`, "123456789012345678901234567890"},
		{`not json`, "not json"},
	}
	for _, tt := range tests {
		if got := Compact(JSON(tt.in)); got != tt.want {
			t.Errorf("Compact(JSON(%s)) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
