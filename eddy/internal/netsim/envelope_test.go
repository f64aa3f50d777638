package netsim

import (
	"bytes"
	"errors"
	"testing"
)

func TestParseLineEnforcesTheClosedEnvelope(t *testing.T) {
	cases := []struct {
		line     string
		wantKind string // "" = accepted
		wantBody string
	}{
		{`{"src":"n0","dest":"c1","body":{"type":"read_ok","messages":[1, 2]}}`, "", `{"type":"read_ok","messages":[1,2]}`},
		{`{"src":"n0","dest":"n1","body":{"type":"x"},"id":12}`, "", `{"type":"x"}`},
		{`{"src":"n0","dest":"n1"}`, "", `{}`},
		{`{"src":"n0","dest":"n1","body":null}`, "", `{}`},
		{`{"src":"n0","dest":"n1","body":{},"extra":1}`, "malformed-message", ""},
		{`{"dest":"n1","body":{}}`, "malformed-message", ""},
		{`{"src":1,"dest":"n1","body":{}}`, "malformed-message", ""},
		{`{"src":"n0","dest":"n1","body":{},"id":1.0}`, "malformed-message", ""},
		{`{"src":"n0","dest":"n1","body":"hello"}`, "malformed-message", ""},
		{`{"src":"n0","dest":"n1","body":[1]}`, "malformed-message", ""},
		{`[1,2]`, "malformed-message", ""},
		{`hello`, "line-not-valid-json", ""},
		{``, "line-not-valid-json", ""},
	}
	for _, c := range cases {
		m, err := ParseLine([]byte(c.line))
		var lineErr *LineError
		switch {
		case c.wantKind == "" && err != nil:
			t.Errorf("%s: rejected (%v), want accepted", c.line, err)
		case c.wantKind == "" && string(m.Body) != c.wantBody:
			t.Errorf("%s: body %s, want %s", c.line, m.Body, c.wantBody)
		case c.wantKind != "" && (!errors.As(err, &lineErr) || lineErr.Kind != c.wantKind):
			t.Errorf("%s: err %v, want %s", c.line, err, c.wantKind)
		}
	}
}

func TestLineWrittenToANodeHasMaelstromsKeyOrder(t *testing.T) {
	m := Message{ID: 0, Src: "c0", Dest: "n0", Body: []byte(`{"type":"init","node_id":"n0","node_ids":["n0"],"msg_id":1}`)}
	var out bytes.Buffer
	WriteTo(&out)(&m)
	want := `{"id":0,"src":"c0","dest":"n0","body":{"type":"init","node_id":"n0","node_ids":["n0"],"msg_id":1}}` + "\n"
	if out.String() != want {
		t.Errorf("line %q, want %q", out.String(), want)
	}
}
