package messages

import "testing"

// TestValueEquality follows Clojure equality, which Maelstrom's checker uses.
func TestValueEquality(t *testing.T) {
	same := [][2]string{
		{`1`, `1`},
		{`-0`, `0`},
		{`123456789012345678901234567890`, `123456789012345678901234567890`},
		{`1.50`, `1.5`},
		{`1e2`, `100.0`},
		{`"a\u0062"`, `"ab"`},
		{`{"b":1,"a":[true,null]}`, `{ "a" : [ true , null ] , "b" : 1 }`},
		{`{"x":-0}`, `{"x":0}`},
	}
	for _, p := range same {
		if a, b := mustValue(t, p[0]), mustValue(t, p[1]); a != b {
			t.Errorf("%s and %s differ: %s vs %s", p[0], p[1], a, b)
		}
	}
	different := [][2]string{
		{`1`, `1.0`},
		{`1`, `"1"`},
		{`[1,2]`, `[2,1]`},
		{`null`, `"null"`},
		{`9223372036854775807`, `9223372036854775808`},
	}
	for _, p := range different {
		if a, b := mustValue(t, p[0]), mustValue(t, p[1]); a == b {
			t.Errorf("%s and %s should differ, both are %s", p[0], p[1], a)
		}
	}
}

func TestIntegersTakeTheFastPath(t *testing.T) {
	for _, raw := range []string{`0`, `42`, `-7`, `9223372036854775807`, `-9223372036854775808`} {
		v := mustValue(t, raw)
		if _, ok := v.Int(); !ok {
			t.Errorf("%s: not stored as an integer", raw)
		}
		if v.String() != raw {
			t.Errorf("%s printed as %s", raw, v)
		}
	}
	raw := []byte("12345")
	if allocs := testing.AllocsPerRun(100, func() { _, _ = ParseValue(raw) }); allocs > 0 {
		t.Errorf("parsing an integer allocated %v times", allocs)
	}
}

func TestParseValueRejects(t *testing.T) {
	for _, raw := range []string{``, `{`, `1 2`, `[1,]`, `nope`} {
		if _, err := ParseValue([]byte(raw)); err == nil {
			t.Errorf("ParseValue(%q) accepted it", raw)
		}
	}
}
