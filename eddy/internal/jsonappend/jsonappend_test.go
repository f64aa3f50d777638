package jsonappend

import (
	"encoding/json"
	"testing"
)

func TestStringIsValidJSON(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"a\"b\\c\n\x01é", `"a\"b\\c\u000a\u0001é"`},
		{"bad \xff byte", `"bad \ufffd byte"`},
		{"", `""`},
	} {
		got := String(nil, c.in)
		if string(got) != c.want {
			t.Errorf("String(%q) = %s, want %s", c.in, got, c.want)
		}
		var back string
		if err := json.Unmarshal(got, &back); err != nil {
			t.Errorf("%s is not JSON: %v", got, err)
		}
	}
	if got := string(Int([]byte("x"), -42)); got != "x-42" {
		t.Errorf("Int = %s", got)
	}
}
