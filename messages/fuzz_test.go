package messages

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzDecode checks Decode's contract on arbitrary lines: it never panics,
// every failure is a *DecodeError, and every success survives a round trip:
// Encode writes a line that decodes to an equivalent message, and encoding
// that again gives the same bytes. (The envelope's id is not part of the
// round trip: nodes never write one, so Encode leaves it out.)
func FuzzDecode(f *testing.F) {
	for _, line := range []string{
		`{"id":0,"src":"c0","dest":"n0","body":{"type":"init","node_id":"n0","node_ids":["n0","n1"],"msg_id":1}}`,
		`{"src":"c0","dest":"n0","body":{"type":"topology","topology":{"n0":["n1"],"n1":null},"msg_id":2}}`,
		`{"src":"c1","dest":"n0","body":{"type":"broadcast","message":{"b":[1.50,-0],"a":"\u00e9"},"msg_id":3}}`,
		`{"src":"c1","dest":"n0","body":{"type":"read","msg_id":4}}`,
		`{"src":"n1","dest":"n0","body":{"type":"gossip","seq":4,"values":[1,"x",null,1e400],"ack":2,"held":1,"now":true,"path":["n0"]}}`,
		`{"src":"n1","dest":"n0","body":{"type":"gossip","seq":2,"values":[7],"ack":0,"late":true,"path":["n0"]}}`,
		`{"src":"n1","dest":"n0","body":{"type":"ack","ack":18446744073709551615}}`,
		`{"src":"n1","dest":"n0","body":{"type":"ack","ack":3,"inc":17,"to_inc":4}}`,
		`{"src":"n1","dest":"n0","body":{"type":"gossip","seq":2,"values":[3],"ack":1,"more":25,"path":["n0"],"hub_ts":88}}`,
		`{"src":"n1","dest":"n0","body":{"type":"ack","ack":3,"path":["n0","n2"],"hub_ts":12}}`,
		`{"src":"n1","dest":"n0","body":{"type":"ack","ack":0,"now":true,"path":["n0"]}}`,
		`{"src":"n0","dest":"n1","body":{"type":"ack","ack":0,"more":5,"hub_ts":3}}`,
		`{"src":"n2","dest":"n1","body":{"type":"ack","ack":0,"ask":true,"path":["n0"],"hub_ts":3}}`,
		`{"src":"n2","dest":"n1","body":{"type":"ack","ack":0,"ask":true,"values":[1,{"a":[2]}],"path":["n0"],"hub_ts":3}}`,
		`{"src":"n1","dest":"n0","body":{"type":"gossip","seq":1,"values":[],"ack":0,"inc":9}}`,
		`{"src":"n1","dest":"n0","body":{"type":"probe","inc":9,"to_inc":4}}`,
		`{"src":"n0","dest":"n0","body":{"type":"fence","seq":1}}`,
		`{"src":"c1","dest":"n0","body":{"type":"error","in_reply_to":3,"code":11}}`,
		`{"src":"c1","dest":"n0","body":{"type":"cas","msg_id":5}}`,
		`{"src":"c1","dest":"n0","body":{"type":"read","msg_id":1.5}}`,
		`not json`,
	} {
		f.Add([]byte(line))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		m, err := Decode(line)
		if err != nil {
			if _, ok := err.(*DecodeError); !ok {
				t.Fatalf("Decode failed with %T, want *DecodeError: %v", err, err)
			}
			return
		}
		encoded := Encode(m)
		again, err := Decode(bytes.TrimSuffix(encoded, []byte("\n")))
		if err != nil {
			t.Fatalf("%s decoded, but its encoding %s does not: %v", line, encoded, err)
		}
		if m.Src != again.Src || m.Dest != again.Dest {
			t.Fatalf("envelope changed in a round trip: %q→%q becomes %q→%q", m.Src, m.Dest, again.Src, again.Dest)
		}
		if a, b := normalise(m.Body), normalise(again.Body); !reflect.DeepEqual(a, b) {
			t.Fatalf("body changed in a round trip through %s:\n before %#v\n after  %#v", encoded, a, b)
		}
		if twice := Encode(again); !bytes.Equal(encoded, twice) {
			t.Fatalf("encoding is not stable:\n %s %s", encoded, twice)
		}
	})
}

// normalise maps the ways JSON can say "empty" (null, [], absent) to one,
// since the wire cannot tell them apart after a round trip either.
func normalise(b Body) Body {
	switch t := b.(type) {
	case Init:
		if t.NodeIDs == nil {
			t.NodeIDs = []string{}
		}
		return t
	case Topology:
		topo := make(map[string][]string, len(t.Topology))
		for k, v := range t.Topology {
			if v == nil {
				v = []string{}
			}
			topo[k] = v
		}
		t.Topology = topo
		return t
	case Gossip:
		if t.Values == nil {
			t.Values = []Value{}
		}
		return t
	}
	return b
}

// FuzzValue checks that every value a node accepts can travel: ParseValue
// either refuses input (always, for input that is not JSON; only for being
// too deep or too large, for input that is) or returns a value whose text
// means the same as the input, reads back as itself, and fits in a gossip
// message that a peer decodes back to the same value. Seeds include values
// at and past the depth limit and long runs of characters that HTML
// escaping would have multiplied.
func FuzzValue(f *testing.F) {
	for _, seed := range []string{
		`1`, `-0`, `1.50`, `1e400`, `"<>&"`, `"\u003c\ud83d\ude00\ud800"`, `{"b":[1,{"z":null,"a":true}],"a":"x","b":2}`,
		strings.Repeat("[", MaxValueDepth) + strings.Repeat("]", MaxValueDepth),
		strings.Repeat(`{"k":`, MaxValueDepth) + `1` + strings.Repeat("}", MaxValueDepth),
		strings.Repeat("[", MaxValueDepth+1) + strings.Repeat("]", MaxValueDepth+1),
		`"` + strings.Repeat("<", 1<<16) + `"`,
		`[` + strings.Repeat(`"\u2028<",`, 1<<12) + `0]`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		v, err := ParseValue(raw)
		if err != nil {
			if json.Valid(raw) && utf8.Valid(raw) && !errors.Is(err, errValueTooDeep) && !errors.Is(err, errValueTooLarge) {
				t.Fatalf("valid JSON %q refused: %v", raw, err)
			}
			return
		}
		text := v.String()
		if len(text) > MaxValueBytes {
			t.Fatalf("accepted a value of %d bytes", len(text))
		}
		if strings.Contains(text, `\u003c`) || strings.Contains(text, `\u003e`) || strings.Contains(text, `\u0026`) {
			t.Fatalf("HTML escapes in %s", text)
		}
		if !sameJSON(t, raw, []byte(text)) {
			t.Fatalf("%s became %s, which means something else", raw, text)
		}
		if again, err := ParseValue([]byte(text)); err != nil || again != v {
			t.Fatalf("%s does not read back as itself: %v", text, err)
		}
		line := Encode(Message{Src: "n1", Dest: "n2", Body: Gossip{Seq: 1, Values: []Value{v, v}, Ack: 3, Now: true, Path: []string{"n0"}}})
		m, err := Decode(line[:len(line)-1])
		if err != nil {
			t.Fatalf("a gossip line with %s does not decode: %v", text, err)
		}
		if g := m.Body.(Gossip); len(g.Values) != 2 || g.Values[0] != v || g.Values[1] != v {
			t.Fatalf("gossip changed %s into %v", text, g.Values)
		}
	})
}

// sameJSON reports whether two JSON texts hold the same value under the
// equality canonical form keeps: numbers compared by their canonical
// spelling, strings after unescaping, objects by key with the last duplicate
// winning, as encoding/json reads them.
func sameJSON(t *testing.T, a, b []byte) bool {
	t.Helper()
	decode := func(raw []byte) any {
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		var tree any
		if err := dec.Decode(&tree); err != nil {
			t.Fatalf("%q: %v", raw, err)
		}
		return normaliseNumbers(tree)
	}
	return reflect.DeepEqual(decode(a), decode(b))
}

func normaliseNumbers(tree any) any {
	switch t := tree.(type) {
	case json.Number:
		v, err := ParseValue([]byte(t))
		if err != nil {
			return string(t)
		}
		return "number:" + v.String()
	case []any:
		for i := range t {
			t[i] = normaliseNumbers(t[i])
		}
	case map[string]any:
		for k := range t {
			t[k] = normaliseNumbers(t[k])
		}
	}
	return tree
}
