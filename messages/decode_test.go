package messages

import (
	"errors"
	"strings"
	"testing"
)

func TestDecodeRequests(t *testing.T) {
	tests := []struct {
		line string
		want Body
	}{
		{`{"id":0,"src":"c0","dest":"n0","body":{"type":"init","node_id":"n0","node_ids":["n0","n1"],"msg_id":1}}`,
			Init{Request: Request{MsgID: 1, HasMsgID: true}, NodeID: "n0", NodeIDs: []string{"n0", "n1"}}},
		{`{"src":"c1","dest":"n0","body":{"type":"broadcast","message":7,"msg_id":2}}`,
			Broadcast{Request: Request{MsgID: 2, HasMsgID: true}, Message: IntValue(7)}},
		{`{"src":"c1","dest":"n0","body":{"type":"broadcast","message":null}}`,
			Broadcast{Message: mustValue(t, "null")}},
		{`{"src":"c1","dest":"n0","body":{"type":"read","msg_id":3}}`,
			Read{Request: Request{MsgID: 3, HasMsgID: true}}},
		{"{\"src\":\"n1\",\"dest\":\"n0\",\"body\":{\"type\":\"gossip\",\"seq\":4,\"values\":[1,\"x\"],\"ack\":2,\"now\":true,\"path\":[\"n0\"]}}\r",
			Gossip{Seq: 4, Values: []Value{IntValue(1), mustValue(t, `"x"`)}, Ack: 2, Now: true, Path: []string{"n0"}}},
		{`{"src":"n1","dest":"n0","body":{"type":"gossip","seq":2,"values":[7],"ack":0,"late":true}}`,
			Gossip{Seq: 2, Values: []Value{IntValue(7)}, Late: true}},
		{`{"src":"n1","dest":"n0","body":{"type":"ack","ack":9}}`, Ack{Ack: 9}},
		{`{"src":"n0","dest":"n1","body":{"type":"ack","ack":0,"more":5,"hub_ts":4}}`, Ack{More: 5, HubTS: 4}},
		{`{"src":"n2","dest":"n1","body":{"type":"ack","ack":0,"ask":true,"path":["n0"],"hub_ts":4}}`, Ack{Ask: true, Path: []string{"n0"}, HubTS: 4}},
		{`{"src":"n2","dest":"n1","body":{"type":"ack","ack":0,"ask":true,"values":[7,"x"],"path":["n0"],"hub_ts":4}}`, Ack{Ask: true, Values: []Value{IntValue(7), mustValue(t, `"x"`)}, Path: []string{"n0"}, HubTS: 4}},
		{`{"src":"n1","dest":"n0","body":{"type":"ack","ack":9,"held":25,"path":["n0","n4"]}}`, Ack{Ack: 9, Held: 25, Path: []string{"n0", "n4"}}},
		{`{"src":"n1","dest":"n0","body":{"type":"ack","ack":9,"path":[]}}`, Ack{Ack: 9}},
		{`{"src":"n1","dest":"n0","body":{"type":"probe","inc":12}}`, Probe{Incarnations: Incarnations{Inc: 12}}},
		{`{"src":"n1","dest":"n0","body":{"type":"probe","path":["n0"],"inc":12}}`, Probe{Path: []string{"n0"}, Incarnations: Incarnations{Inc: 12}}},
		{`{"src":"n0","dest":"n0","body":{"type":"fence","seq":3}}`, Fence{Seq: 3}},
		{`{"src":"c1","dest":"n0","body":{"type":"read_ok","messages":[],"in_reply_to":3}}`,
			Reply{Kind: TypeReadOK, InReplyTo: 3}},
		{`{"src":"c1","dest":"n0","body":{"type":"custom_thing","in_reply_to":3}}`,
			Reply{Kind: "custom_thing", InReplyTo: 3}},
	}
	for _, tt := range tests {
		msg, err := Decode([]byte(strings.TrimSuffix(tt.line, "\r")))
		if err != nil {
			t.Errorf("Decode(%s): %v", tt.line, err)
			continue
		}
		if got, want := Encode(Message{Src: "a", Dest: "b", Body: msg.Body}), Encode(Message{Src: "a", Dest: "b", Body: tt.want}); string(got) != string(want) {
			t.Errorf("Decode(%s) body = %s, want %s", tt.line, got, want)
		}
	}
}

// TestDecodeBadInput covers every class of bad input the node must survive:
// each yields a DecodeError, never a panic, and a reply exactly when one is
// both possible and safe.
func TestDecodeBadInput(t *testing.T) {
	tests := []struct {
		name      string
		line      string
		wantReply bool
		wantCode  Code
	}{
		{"not JSON", `hello`, false, 0},
		{"empty line", ``, false, 0},
		{"truncated JSON", `{"src":"c1","dest":"n0","body":{"type":"read"`, false, 0},
		{"not an object", `[1,2,3]`, false, 0},
		{"a string", `"line"`, false, 0},
		{"missing src", `{"dest":"n0","body":{"type":"read","msg_id":1}}`, false, 0},
		{"missing dest", `{"src":"c1","body":{"type":"read","msg_id":1}}`, false, 0},
		{"src not a string", `{"src":1,"dest":"n0","body":{"type":"read","msg_id":1}}`, false, 0},
		{"missing body", `{"src":"c1","dest":"n0"}`, false, 0},
		{"body not an object", `{"src":"c1","dest":"n0","body":[1]}`, false, 0},
		{"body a number", `{"src":"c1","dest":"n0","body":5}`, false, 0},
		{"id not an integer", `{"id":"x","src":"c1","dest":"n0","body":{"type":"read","msg_id":1}}`, false, 0},
		{"no type, with msg_id", `{"src":"c1","dest":"n0","body":{"msg_id":4}}`, true, CodeMalformedRequest},
		{"type not a string", `{"src":"c1","dest":"n0","body":{"type":5,"msg_id":4}}`, true, CodeMalformedRequest},
		{"no type, no msg_id", `{"src":"c1","dest":"n0","body":{}}`, false, 0},
		{"unknown type", `{"src":"c1","dest":"n0","body":{"type":"cas","msg_id":5}}`, true, CodeNotSupported},
		{"unknown type without msg_id", `{"src":"c1","dest":"n0","body":{"type":"cas"}}`, false, 0},
		{"msg_id a float", `{"src":"c1","dest":"n0","body":{"type":"read","msg_id":1.5}}`, false, 0},
		{"msg_id a string", `{"src":"c1","dest":"n0","body":{"type":"read","msg_id":"1"}}`, false, 0},
		{"broadcast without message", `{"src":"c1","dest":"n0","body":{"type":"broadcast","msg_id":6}}`, true, CodeMalformedRequest},
		{"init without node_ids", `{"src":"c0","dest":"n0","body":{"type":"init","node_id":"n0","msg_id":1}}`, true, CodeMalformedRequest},
		{"init with a node id too long", `{"src":"c0","dest":"n0","body":{"type":"init","node_id":"n0","node_ids":["n0","` + strings.Repeat("n", MaxNodeIDBytes+1) + `"],"msg_id":1}}`, true, CodeMalformedRequest},
		{"init node_ids wrong type", `{"src":"c0","dest":"n0","body":{"type":"init","node_id":"n0","node_ids":"n0","msg_id":1}}`, true, CodeMalformedRequest},
		{"topology wrong type", `{"src":"c0","dest":"n0","body":{"type":"topology","topology":["n1"],"msg_id":1}}`, true, CodeMalformedRequest},
		{"gossip seq negative", `{"src":"n1","dest":"n0","body":{"type":"gossip","seq":-1,"values":[]}}`, false, 0},
		{"gossip path not a list", `{"src":"n1","dest":"n0","body":{"type":"gossip","seq":1,"values":[],"path":"n0"}}`, false, 0},
		{"gossip path with an empty id", `{"src":"n1","dest":"n0","body":{"type":"gossip","seq":1,"values":[],"path":["n0",""]}}`, false, 0},
		{"ack path too long", `{"src":"n1","dest":"n0","body":{"type":"ack","ack":1,"path":[` + strings.Repeat(`"n0",`, MaxPathIDs) + `"n1"]}}`, false, 0},
		{"ack held negative", `{"src":"n1","dest":"n0","body":{"type":"ack","ack":1,"held":-3}}`, false, 0},
		{"gossip now not a boolean", `{"src":"n1","dest":"n0","body":{"type":"gossip","seq":1,"values":[],"now":1}}`, false, 0},
		{"gossip late not a boolean", `{"src":"n1","dest":"n0","body":{"type":"gossip","seq":1,"values":[],"late":"yes"}}`, false, 0},
		{"gossip values null", `{"src":"n1","dest":"n0","body":{"type":"gossip","seq":1,"values":null}}`, false, 0},
		{"reply with bad in_reply_to", `{"src":"c1","dest":"n0","body":{"type":"read_ok","in_reply_to":"x","msg_id":3}}`, false, 0},
		{"invalid UTF-8", "{\"src\":\"c\xff\",\"dest\":\"n0\",\"body\":{\"type\":\"read\",\"msg_id\":1}}", false, 0},
		// A value too deep to relay is refused with an answer (the line is fine).
		{"too deep", `{"src":"c1","dest":"n0","body":{"type":"broadcast","msg_id":7,"message":` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}}`, true, CodeMalformedRequest},
		{"too deep value, shallow envelope", `{"src":"c1","dest":"n0","body":{"type":"broadcast","msg_id":7,"message":` + strings.Repeat(`{"a":`, 10001) + `1` + strings.Repeat("}", 10001) + `}}`, true, CodeMalformedRequest},
		{"one level too deep", `{"src":"c1","dest":"n0","body":{"type":"broadcast","msg_id":7,"message":` + strings.Repeat("[", MaxValueDepth+1) + strings.Repeat("]", MaxValueDepth+1) + `}}`, true, CodeMalformedRequest},
		{"too large", `{"src":"c1","dest":"n0","body":{"type":"broadcast","msg_id":7,"message":"` + strings.Repeat("x", MaxValueBytes) + `"}}`, true, CodeMalformedRequest},
		{"too deep and broken", `{"src":"c1","dest":"n0","body":{"type":"broadcast","msg_id":7,"message":` + strings.Repeat("[", 20000) + strings.Repeat("]", 19999) + `}}`, false, 0},
		{"gossip with a value too deep", `{"src":"n1","dest":"n0","body":{"type":"gossip","seq":1,"values":[1,` + strings.Repeat("[", MaxValueDepth+1) + strings.Repeat("]", MaxValueDepth+1) + `]}}`, false, 0},
		{"trailing data", `{"src":"c1","dest":"n0","body":{"type":"read","msg_id":1}} x`, false, 0},
		{"bad escape", `{"src":"c1","dest":"n0","body":{"type":"read","msg_id":1,"x":"\q"}}`, false, 0},
		{"control character in a string", "{\"src\":\"c1\",\"dest\":\"n0\",\"body\":{\"type\":\"read\",\"x\":\"\x01\"}}", false, 0},
		{"leading zero", `{"src":"c1","dest":"n0","body":{"type":"read","msg_id":01}}`, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode([]byte(tt.line))
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("Decode = %v, want a *DecodeError", err)
			}
			reply, ok := de.Reply()
			if ok != tt.wantReply {
				t.Fatalf("reply possible = %v, want %v (%v)", ok, tt.wantReply, de)
			}
			if !ok {
				return
			}
			body := reply.Body.(Error)
			if body.Code != tt.wantCode || reply.Dest != "c1" && reply.Dest != "c0" {
				t.Errorf("reply = %+v to %s, want code %d", body, reply.Dest, tt.wantCode)
			}
		})
	}
}

func TestHugeValueDecodes(t *testing.T) {
	big := `"` + strings.Repeat("x", 8<<20) + `"`
	msg, err := Decode([]byte(`{"src":"c1","dest":"n0","body":{"type":"broadcast","msg_id":1,"message":` + big + `}}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := msg.Body.(Broadcast).Message.String(); got != big {
		t.Errorf("value changed size: %d bytes, want %d", len(got), len(big))
	}
}

func mustValue(t *testing.T, raw string) Value {
	t.Helper()
	v, err := ParseValue([]byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestGossipValueCountIsBounded: a gossip line may hold at most
// MaxGossipValues values, so its decoded form stays proportional to it.
func TestGossipValueCountIsBounded(t *testing.T) {
	line := func(k int) []byte {
		return []byte(`{"src":"n1","dest":"n0","body":{"type":"gossip","seq":1,"values":[` +
			strings.TrimSuffix(strings.Repeat("7,", k), ",") + `]}}`)
	}
	if m, err := Decode(line(MaxGossipValues)); err != nil || len(m.Body.(Gossip).Values) != MaxGossipValues {
		t.Errorf("%d values: %v", MaxGossipValues, err)
	}
	if _, err := Decode(line(MaxGossipValues + 1)); err == nil {
		t.Errorf("%d values accepted", MaxGossipValues+1)
	}
}
