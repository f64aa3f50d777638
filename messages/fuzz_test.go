package messages

import (
	"bytes"
	"reflect"
	"testing"
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
		`{"src":"n1","dest":"n0","body":{"type":"gossip","seq":4,"values":[1,"x",null,1e400],"ack":2,"relay":true}}`,
		`{"src":"n1","dest":"n0","body":{"type":"ack","ack":18446744073709551615}}`,
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
