package netsim

import (
	"encoding/json"

	"eddy/internal/jsonappend"
)

// ServiceIDs are Maelstrom's built-in services. They are registered so that
// nodes may address them (§1.7); broadcast never needs them.
var ServiceIDs = []string{"lin-kv", "lin-tso", "lww-kv", "seq-kv"}

// ServiceSink is a Deliver sink for a built-in service. eddy does not
// implement the key-value and timestamp services: every request that carries
// a msg_id is answered with error 10 (not-supported), which Maelstrom's
// protocol defines as a definite "this operation is not offered".
func ServiceSink(net *Network, self string) func(*Message) {
	return func(msg *Message) {
		var req struct {
			MsgID json.RawMessage `json:"msg_id"`
		}
		if json.Unmarshal(msg.Body, &req) != nil || !IsJSONInteger(req.MsgID) {
			return
		}
		body := []byte(`{"type":"error","in_reply_to":`)
		body = append(body, req.MsgID...)
		body = append(body, `,"code":10,"text":`...)
		body = jsonappend.String(body, "eddy does not implement the "+self+" service")
		body = append(body, '}')
		// The requester may be gone; a reply to nowhere is simply lost.
		_ = net.Send(Message{Src: self, Dest: msg.Src, Type: "error", Body: body})
	}
}
