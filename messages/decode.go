package messages

import (
	"fmt"
	"unicode/utf8"
)

// Decode turns one line of input into a Message. On failure it returns a
// *DecodeError; it never panics, whatever the line holds.
//
// The line is read in one pass that validates all of it and records where
// the envelope's and the body's fields sit; each field is then decoded
// straight from the line into its own type. Nothing is copied but the
// strings and values the Message keeps, and a value is never held as a
// generic tree, so decoding costs little more memory than the line itself.
// The Message shares no memory with the line.
func Decode(line []byte) (Message, error) {
	if !utf8.Valid(line) {
		// A reply would have to name a sender we cannot read faithfully, and a
		// reply to a mangled address poisons a Maelstrom node's stdout.
		return Message{}, &DecodeError{Reason: "line is not valid UTF-8", Code: CodeMalformedRequest}
	}
	s := scanner{data: line}
	if s.peek() != '{' {
		return Message{}, &DecodeError{Reason: "line is not a JSON object", Code: CodeMalformedRequest}
	}
	var env [envFields]span
	if err := s.fields(envNames[:], env[:]); err != nil {
		return Message{}, &DecodeError{Reason: "line is not valid JSON: " + err.Error(), Code: CodeMalformedRequest}
	}
	if s.peek() != 0 {
		return Message{}, &DecodeError{Reason: "line is not valid JSON: " + s.syntaxError("after the top-level object").Error(), Code: CodeMalformedRequest}
	}
	f := fieldReader{data: line}
	var msg Message
	if err := f.str(env[envSrc], "src", &msg.Src); err != nil {
		return Message{}, &DecodeError{Reason: "envelope: " + err.Error(), Code: CodeMalformedRequest}
	}
	if err := f.str(env[envDest], "dest", &msg.Dest); err != nil {
		return Message{}, &DecodeError{Reason: "envelope: " + err.Error(), Code: CodeMalformedRequest, Src: msg.Src}
	}
	var err error
	if msg.HasID, err = f.optionalInt(env[envID], "id", &msg.ID); err != nil {
		return Message{}, &DecodeError{Reason: "envelope: " + err.Error(), Code: CodeMalformedRequest, Src: msg.Src}
	}
	b := env[envBody]
	if !b.ok || line[b.start] != '{' {
		return Message{}, &DecodeError{Reason: "body is not a JSON object", Code: CodeMalformedRequest, Src: msg.Src}
	}
	var body [bodyFields]span
	bs := scanner{data: line[:b.end], pos: b.start}
	if err := bs.fields(bodyNames[:], body[:]); err != nil { // cannot fail: validated above
		return Message{}, &DecodeError{Reason: "body: " + err.Error(), Code: CodeMalformedRequest, Src: msg.Src}
	}
	msg.Body, err = decodeBody(f, body)
	if err != nil {
		return Message{}, answerable(f, msg, body, err)
	}
	return msg, nil
}

// The envelope fields rumor reads; others are validated and ignored.
const (
	envSrc = iota
	envDest
	envID
	envBody
	envFields
)

var envNames = [envFields]string{"src", "dest", "id", "body"}

// The body fields rumor reads, across every type it understands.
const (
	fType = iota
	fMsgID
	fInReplyTo
	fNodeID
	fNodeIDs
	fTopology
	fMessage
	fSeq
	fValues
	fAck
	fHeld
	fStamp
	fEcho
	fPath
	fNow
	fLate
	fMore
	fAsk
	fHubTS
	fInc
	fToInc
	bodyFields
)

var bodyNames = [bodyFields]string{
	"type", "msg_id", "in_reply_to", "node_id", "node_ids", "topology", "message", "seq", "values", "ack", "held", "ts", "echo", "path", "now", "late", "more", "ask", "hub_ts", "inc", "to_inc",
}

// answerable wraps a body error with what is needed to reply to it. A reply
// is possible only for a request: a body with a usable msg_id and no
// in_reply_to (answering a reply could start an endless exchange).
func answerable(f fieldReader, msg Message, body [bodyFields]span, cause error) *DecodeError {
	de := &DecodeError{Reason: cause.Error(), Code: CodeMalformedRequest, Src: msg.Src, Dest: msg.Dest}
	if unsupported, ok := cause.(unsupportedType); ok {
		de.Code = CodeNotSupported
		de.Reason = unsupported.Error()
	}
	if f.present(body[fInReplyTo]) {
		return de
	}
	var id int64
	if ok, err := f.optionalInt(body[fMsgID], "msg_id", &id); ok && err == nil {
		de.MsgID, de.CanReply = id, true
	}
	return de
}

// unsupportedType is the error for a well-formed request of a type rumor does
// not serve; it maps to code 10 rather than 12.
type unsupportedType string

func (u unsupportedType) Error() string { return fmt.Sprintf("unsupported message type %q", string(u)) }

// replyTypes are the bodies rumor may receive but never asked for.
var replyTypes = map[string]bool{
	TypeInitOK: true, TypeTopologyOK: true, TypeBroadcastOK: true, TypeReadOK: true, TypeError: true,
}

func decodeBody(f fieldReader, body [bodyFields]span) (Body, error) {
	var kind string
	if err := f.str(body[fType], "type", &kind); err != nil {
		return nil, err
	}
	var req Request
	var err error
	if req.HasMsgID, err = f.optionalInt(body[fMsgID], "msg_id", &req.MsgID); err != nil {
		return nil, err
	}
	if replyTypes[kind] || f.present(body[fInReplyTo]) {
		r := Reply{Kind: kind}
		if _, err := f.optionalInt(body[fInReplyTo], "in_reply_to", &r.InReplyTo); err != nil {
			return nil, err
		}
		return r, nil
	}
	switch kind {
	case TypeInit:
		m := Init{Request: req}
		if err := f.str(body[fNodeID], "node_id", &m.NodeID); err != nil {
			return nil, err
		}
		if err := f.strings(body[fNodeIDs], "node_ids", &m.NodeIDs); err != nil {
			return nil, err
		}
		if id, ok := longNodeID(m); ok {
			return nil, fmt.Errorf("node id %.20q… is longer than %d bytes", id, MaxNodeIDBytes)
		}
		return m, nil
	case TypeTopology:
		m := Topology{Request: req}
		if err := f.topology(body[fTopology], "topology", &m.Topology); err != nil {
			return nil, err
		}
		return m, nil
	case TypeBroadcast:
		m := Broadcast{Request: req}
		// Any JSON value is a valid message, null included, so presence is
		// checked on the key rather than with present.
		if !body[fMessage].ok {
			return nil, fmt.Errorf("missing field %q", "message")
		}
		if m.Message, err = f.value(body[fMessage]); err != nil {
			return nil, fmt.Errorf("field %q: %v", "message", err)
		}
		return m, nil
	case TypeRead:
		return Read{Request: req}, nil
	case TypeGossip:
		var m Gossip
		if err := f.uint(body[fSeq], "seq", &m.Seq); err != nil {
			return nil, err
		}
		if err := f.values(body[fValues], "values", &m.Values); err != nil {
			return nil, err
		}
		if f.present(body[fAck]) {
			if err := f.uint(body[fAck], "ack", &m.Ack); err != nil {
				return nil, err
			}
		}
		if _, err := f.optionalBool(body[fNow], "now", &m.Now); err != nil {
			return nil, err
		}
		if _, err := f.optionalBool(body[fLate], "late", &m.Late); err != nil {
			return nil, err
		}
		if m.More, err = optionalUint(f, body[fMore], "more"); err != nil {
			return nil, err
		}
		if m.Stamp, err = optionalUint(f, body[fStamp], "ts"); err != nil {
			return nil, err
		}
		if m.Held, m.Echo, m.Path, m.Incarnations, err = answerFields(f, body); err != nil {
			return nil, err
		}
		if m.HubTS, err = optionalUint(f, body[fHubTS], "hub_ts"); err != nil {
			return nil, err
		}
		return m, nil
	case TypeAck:
		var m Ack
		if err := f.uint(body[fAck], "ack", &m.Ack); err != nil {
			return nil, err
		}
		if m.Held, m.Echo, m.Path, m.Incarnations, err = answerFields(f, body); err != nil {
			return nil, err
		}
		if m.HubTS, err = optionalUint(f, body[fHubTS], "hub_ts"); err != nil {
			return nil, err
		}
		if _, err := f.optionalBool(body[fNow], "now", &m.Now); err != nil {
			return nil, err
		}
		if m.More, err = optionalUint(f, body[fMore], "more"); err != nil {
			return nil, err
		}
		if _, err := f.optionalBool(body[fAsk], "ask", &m.Ask); err != nil {
			return nil, err
		}
		if f.present(body[fValues]) {
			if err := f.values(body[fValues], "values", &m.Values); err != nil {
				return nil, err
			}
		}
		return m, nil
	case TypeProbe:
		var m Probe
		if m.Path, err = path(f, body); err != nil {
			return nil, err
		}
		if m.Incarnations, err = incarnations(f, body); err != nil {
			return nil, err
		}
		return m, nil
	case TypeFence:
		var m Fence
		if err := f.uint(body[fSeq], "seq", &m.Seq); err != nil {
			return nil, err
		}
		return m, nil
	}
	return nil, unsupportedType(kind)
}

// incarnations reads the optional inc and to_inc fields.
func incarnations(f fieldReader, body [bodyFields]span) (Incarnations, error) {
	var inc Incarnations
	for _, field := range []struct {
		at  span
		key string
		dst *uint64
	}{{body[fInc], "inc", &inc.Inc}, {body[fToInc], "to_inc", &inc.ToInc}} {
		if f.present(field.at) {
			if err := f.uint(field.at, field.key, field.dst); err != nil {
				return inc, err
			}
		}
	}
	return inc, nil
}

// answerFields reads what gossip and ack share besides the ack itself: how
// long the ack was held, the stamp it echoes, the sender's path and the
// incarnations.
func answerFields(f fieldReader, body [bodyFields]span) (held, echo uint64, ids []string, inc Incarnations, err error) {
	if held, err = optionalUint(f, body[fHeld], "held"); err != nil {
		return
	}
	if echo, err = optionalUint(f, body[fEcho], "echo"); err != nil {
		return
	}
	if ids, err = path(f, body); err != nil {
		return
	}
	inc, err = incarnations(f, body)
	return
}

// optionalUint reads an optional unsigned field; absent is 0.
func optionalUint(f fieldReader, at span, key string) (uint64, error) {
	var v uint64
	if f.present(at) {
		if err := f.uint(at, key, &v); err != nil {
			return 0, err
		}
	}
	return v, nil
}

// path reads the optional path field: node ids, at most MaxPathIDs of them,
// none empty.
func path(f fieldReader, body [bodyFields]span) ([]string, error) {
	if !f.present(body[fPath]) {
		return nil, nil
	}
	ids, err := f.stringList(body[fPath], "path")
	switch {
	case err != nil:
		return nil, err
	case len(ids) > MaxPathIDs:
		return nil, fmt.Errorf("field %q holds more than %d node ids", "path", MaxPathIDs)
	case len(ids) == 0:
		return nil, nil
	}
	for _, id := range ids {
		if id == "" || len(id) > MaxNodeIDBytes {
			return nil, fmt.Errorf("field %q holds an empty node id or one longer than %d bytes", "path", MaxNodeIDBytes)
		}
	}
	return ids, nil
}

// longNodeID returns an id of init that breaks MaxNodeIDBytes, if any.
func longNodeID(m Init) (string, bool) {
	if len(m.NodeID) > MaxNodeIDBytes {
		return m.NodeID, true
	}
	for _, id := range m.NodeIDs {
		if len(id) > MaxNodeIDBytes {
			return id, true
		}
	}
	return "", false
}
