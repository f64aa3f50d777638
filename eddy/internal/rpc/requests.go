package rpc

import (
	"encoding/json"
	"strconv"
)

// Request is a request body minus its msg_id, plus the schema its reply
// must satisfy.
type Request struct {
	typ string
	// prefix is the body up to where msg_id goes, e.g.
	// {"type":"broadcast","message":3 — Maelstrom writes msg_id last.
	prefix []byte
	// Reply is the reply type this request expects.
	Reply string
	// Required lists the reply's declared keys besides type, and what each
	// must hold.
	required map[string]kind
	// schemaEDN describes the expected reply for malformed-reply messages.
	schemaEDN string
}

// kind is what a declared reply key must hold.
type kind int

const (
	anyArray kind = iota // a JSON array of anything
)

func (r Request) body(msgID int64) []byte {
	b := append([]byte(nil), r.prefix...)
	b = append(b, `,"msg_id":`...)
	b = strconv.AppendInt(b, msgID, 10)
	return append(b, '}')
}

// Type is the request's type field.
func (r Request) Type() string { return r.typ }

// Init is the init request for node self among all nodes.
func Init(self string, nodes []string) Request {
	ids, _ := json.Marshal(nodes)
	name, _ := json.Marshal(self)
	prefix := []byte(`{"type":"init","node_id":`)
	prefix = append(prefix, name...)
	prefix = append(prefix, `,"node_ids":`...)
	prefix = append(prefix, ids...)
	// init_ok is only checked for its type (§1.3), so no closed schema.
	return Request{typ: "init", prefix: prefix, Reply: "init_ok"}
}

// Topology sends the whole neighbour map.
func Topology(topo map[string][]string) Request {
	raw, _ := json.Marshal(topo)
	prefix := append([]byte(`{"type":"topology","topology":`), raw...)
	return Request{typ: "topology", prefix: prefix, Reply: "topology_ok", required: map[string]kind{}, schemaEDN: okSchema("topology_ok")}
}

// Broadcast asks a node to broadcast value.
func Broadcast(value int64) Request {
	prefix := strconv.AppendInt([]byte(`{"type":"broadcast","message":`), value, 10)
	return Request{typ: "broadcast", prefix: prefix, Reply: "broadcast_ok", required: map[string]kind{}, schemaEDN: okSchema("broadcast_ok")}
}

// Read asks a node for every message it has.
func Read() Request {
	return Request{
		typ: "read", prefix: []byte(`{"type":"read"`), Reply: "read_ok",
		required:  map[string]kind{"messages": anyArray},
		schemaEDN: `{:type (eq "read_ok"), :messages [Any], :in_reply_to Int, {:k :msg_id} Int}`,
	}
}

func okSchema(typ string) string {
	return `{:type (eq "` + typ + `"), :in_reply_to Int, {:k :msg_id} Int}`
}
