package messages

import "testing"

// TestEncodeClosedSchemas pins the exact bytes of every reply: Maelstrom's
// reply schemas are closed, so one extra key makes a reply malformed.
func TestEncodeClosedSchemas(t *testing.T) {
	tests := []struct {
		body Body
		want string
	}{
		{InitOK{InReplyTo: 1}, `{"type":"init_ok","in_reply_to":1}`},
		{TopologyOK{InReplyTo: 2}, `{"type":"topology_ok","in_reply_to":2}`},
		{BroadcastOK{InReplyTo: 3}, `{"type":"broadcast_ok","in_reply_to":3}`},
		{ReadOK{InReplyTo: 4}, `{"type":"read_ok","messages":[],"in_reply_to":4}`},
		{ReadOK{InReplyTo: 5, Messages: []Value{IntValue(1), IntValue(-2)}}, `{"type":"read_ok","messages":[1,-2],"in_reply_to":5}`},
		{Error{InReplyTo: 6, Code: CodeNotSupported, Text: "no \"cas\"\n"}, `{"type":"error","in_reply_to":6,"code":10,"text":"no \"cas\"\n"}`},
		{Gossip{Seq: 1, Values: nil, Ack: 0}, `{"type":"gossip","seq":1,"values":[],"ack":0}`},
		{Gossip{Seq: 3, Values: []Value{IntValue(9)}, Ack: 2, Held: 4, Now: true, Path: []string{"n0", "n3"}}, `{"type":"gossip","seq":3,"values":[9],"ack":2,"held":4,"now":true,"path":["n0","n3"]}`},
		{Gossip{Seq: 5, Values: []Value{IntValue(1)}, Ack: 0, Late: true}, `{"type":"gossip","seq":5,"values":[1],"ack":0,"late":true}`},
		{Gossip{Seq: 5, Values: []Value{IntValue(1)}, Ack: 1, More: 25}, `{"type":"gossip","seq":5,"values":[1],"ack":1,"more":25}`},
		{Gossip{Seq: 5, Values: []Value{IntValue(1)}, Ack: 1, Path: []string{"n0"}, HubTS: 7}, `{"type":"gossip","seq":5,"values":[1],"ack":1,"path":["n0"],"hub_ts":7}`},
		{Ack{Ack: 3, HubTS: 9}, `{"type":"ack","ack":3,"hub_ts":9}`},
		{Ack{Ack: 0, Now: true, Path: []string{"n0"}}, `{"type":"ack","ack":0,"now":true,"path":["n0"]}`},
		{Ack{Ack: 7}, `{"type":"ack","ack":7}`},
		{Ack{Ack: 0, More: 5, HubTS: 4}, `{"type":"ack","ack":0,"more":5,"hub_ts":4}`},
		{Ack{Ack: 2, Ask: true, Path: []string{"n0"}, HubTS: 4}, `{"type":"ack","ack":2,"ask":true,"path":["n0"],"hub_ts":4}`},
		{Ack{Ack: 2, Ask: true, Values: []Value{IntValue(5)}, Path: []string{"n0"}, HubTS: 4}, `{"type":"ack","ack":2,"ask":true,"values":[5],"path":["n0"],"hub_ts":4}`},
		{Ack{Ack: 7, Incarnations: Incarnations{Inc: 5, ToInc: 2}}, `{"type":"ack","ack":7,"inc":5,"to_inc":2}`},
		{Gossip{Seq: 1, Ack: 0, Incarnations: Incarnations{Inc: 5}}, `{"type":"gossip","seq":1,"values":[],"ack":0,"inc":5}`},
		{Ack{Ack: 7, Held: 12, Path: []string{"n0"}}, `{"type":"ack","ack":7,"held":12,"path":["n0"]}`},
		{Probe{Incarnations: Incarnations{Inc: 8}}, `{"type":"probe","inc":8}`},
		{Probe{Path: []string{"n0", "n2"}, Incarnations: Incarnations{Inc: 8, ToInc: 3}}, `{"type":"probe","path":["n0","n2"],"inc":8,"to_inc":3}`},
		{Fence{Seq: 2}, `{"type":"fence","seq":2}`},
	}
	for _, tt := range tests {
		got := string(Encode(Message{Src: "n0", Dest: "c1", Body: tt.body}))
		want := `{"src":"n0","dest":"c1","body":` + tt.want + "}\n"
		if got != want {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	}
}

func TestEncodeStringsStayValidJSON(t *testing.T) {
	got := string(Encode(Message{Src: "n\x00", Dest: "c\xff", Body: Read{}}))
	want := `{"src":"n\u0000","dest":"c\ufffd","body":{"type":"read"}}` + "\n"
	if got != want {
		t.Errorf("got %s want %s", got, want)
	}
	if _, err := Decode([]byte(got[:len(got)-1])); err != nil {
		t.Errorf("encoded output does not decode: %v", err)
	}
}
