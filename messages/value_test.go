package messages

import (
	"errors"
	"strings"
	"testing"
)

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

// TestCanonicalForm pins the canonical text of values whose spelling varies.
func TestCanonicalForm(t *testing.T) {
	for raw, want := range map[string]string{
		`"<a&b>"`:                        `"<a&b>"`, // no HTML escaping: it would grow a value sixfold
		`"\u003c\u2028\/"`:               "\"<\u2028/\"",
		`"\ud83d\ude00"`:                 `"😀"`,
		`"\ud83d x"`:                     `"� x"`, // a lone surrogate, as encoding/json reads it
		`"\u0001\b\f"`:                   `"\u0001\u0008\u000c"`,
		`{"b":1,"a":2,"b":3}`:            `{"a":2,"b":3}`, // the last duplicate wins
		`{"b":{"y":1,"x":2},"a":[]}`:     `{"a":[],"b":{"x":2,"y":1}}`,
		` [ 1.0 , -0 , 1E2 , 1e400 ] `:   `[1.0,0,100.0,1e400]`,
		`123456789012345678901234567890`: `123456789012345678901234567890`,
	} {
		if got := mustValue(t, raw).String(); got != want {
			t.Errorf("%s: canonical %s, want %s", raw, got, want)
		}
	}
}

// TestValueLimits checks both sides of each limit: a value at the limit is
// accepted, one past it is refused.
func TestValueLimits(t *testing.T) {
	deep := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	if _, err := ParseValue([]byte(deep(MaxValueDepth))); err != nil {
		t.Errorf("depth %d refused: %v", MaxValueDepth, err)
	}
	if _, err := ParseValue([]byte(deep(MaxValueDepth + 1))); !errors.Is(err, errValueTooDeep) {
		t.Errorf("depth %d: %v, want errValueTooDeep", MaxValueDepth+1, err)
	}
	str := func(n int) string { return `"` + strings.Repeat("<", n-2) + `"` }
	if _, err := ParseValue([]byte(str(MaxValueBytes))); err != nil {
		t.Errorf("%d bytes refused: %v", MaxValueBytes, err)
	}
	if _, err := ParseValue([]byte(str(MaxValueBytes + 1))); !errors.Is(err, errValueTooLarge) {
		t.Errorf("%d bytes: %v, want errValueTooLarge", MaxValueBytes+1, err)
	}
	// Escapes count as what they become: the canonical text is what travels.
	if _, err := ParseValue([]byte(`"` + strings.Repeat(`\u003c`, MaxValueBytes-2) + `"`)); err != nil {
		t.Errorf("escaped < refused: %v", err)
	}
}

func TestSize(t *testing.T) {
	for _, raw := range []string{`0`, `7`, `-7`, `10`, `-10`, `9223372036854775807`, `-9223372036854775808`, `"abc"`, `[1,{"a":null}]`} {
		if v := mustValue(t, raw); v.Size() != len(v.String()) {
			t.Errorf("%s: Size %d, text %d bytes", raw, v.Size(), len(v.String()))
		}
	}
}
