package messages

import (
	"fmt"
	"unicode/utf8"
)

// Decode turns one line of input into a Message. On failure it returns a
// *DecodeError; it never panics, whatever the line holds.
func Decode(line []byte) (Message, error) {
	if !utf8.Valid(line) {
		// A reply would have to name a sender we cannot read faithfully, and a
		// reply to a mangled address poisons a Maelstrom node's stdout.
		return Message{}, &DecodeError{Reason: "line is not valid UTF-8", Code: CodeMalformedRequest}
	}
	env, err := parseObject(line, "line")
	if err != nil {
		return Message{}, &DecodeError{Reason: err.Error(), Code: CodeMalformedRequest}
	}
	var msg Message
	if err := env.get("src", &msg.Src); err != nil {
		return Message{}, &DecodeError{Reason: "envelope: " + err.Error(), Code: CodeMalformedRequest}
	}
	if err := env.get("dest", &msg.Dest); err != nil {
		return Message{}, &DecodeError{Reason: "envelope: " + err.Error(), Code: CodeMalformedRequest, Src: msg.Src}
	}
	if msg.HasID, err = env.getOptional("id", &msg.ID); err != nil {
		return Message{}, &DecodeError{Reason: "envelope: " + err.Error(), Code: CodeMalformedRequest, Src: msg.Src}
	}
	body, err := parseObject(env["body"], "body")
	if err != nil {
		return Message{}, &DecodeError{Reason: err.Error(), Code: CodeMalformedRequest, Src: msg.Src}
	}
	msg.Body, err = decodeBody(body)
	if err != nil {
		return Message{}, answerable(msg, body, err)
	}
	return msg, nil
}

// answerable wraps a body error with what is needed to reply to it. A reply
// is possible only for a request: a body with a usable msg_id and no
// in_reply_to (answering a reply could start an endless exchange).
func answerable(msg Message, body object, cause error) *DecodeError {
	de := &DecodeError{Reason: cause.Error(), Code: CodeMalformedRequest, Src: msg.Src, Dest: msg.Dest}
	if unsupported, ok := cause.(unsupportedType); ok {
		de.Code = CodeNotSupported
		de.Reason = unsupported.Error()
	}
	if body.present("in_reply_to") {
		return de
	}
	var id int64
	if ok, err := body.getOptional("msg_id", &id); ok && err == nil {
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

func decodeBody(body object) (Body, error) {
	var kind string
	if err := body.get("type", &kind); err != nil {
		return nil, err
	}
	var req Request
	var err error
	if req.HasMsgID, err = body.getOptional("msg_id", &req.MsgID); err != nil {
		return nil, err
	}
	if replyTypes[kind] || body.present("in_reply_to") {
		var r Reply
		r.Kind = kind
		if _, err := body.getOptional("in_reply_to", &r.InReplyTo); err != nil {
			return nil, err
		}
		return r, nil
	}
	switch kind {
	case TypeInit:
		m := Init{Request: req}
		if err := body.get("node_id", &m.NodeID); err != nil {
			return nil, err
		}
		if err := body.get("node_ids", &m.NodeIDs); err != nil {
			return nil, err
		}
		return m, nil
	case TypeTopology:
		m := Topology{Request: req}
		if err := body.get("topology", &m.Topology); err != nil {
			return nil, err
		}
		return m, nil
	case TypeBroadcast:
		m := Broadcast{Request: req}
		// Any JSON value is a valid message, null included, so presence is
		// checked on the raw key rather than with get.
		raw, ok := body["message"]
		if !ok {
			return nil, fmt.Errorf("missing field %q", "message")
		}
		if m.Message, err = ParseValue(raw); err != nil {
			return nil, fmt.Errorf("field %q: %v", "message", err)
		}
		return m, nil
	case TypeRead:
		return Read{Request: req}, nil
	case TypeGossip:
		var m Gossip
		if err := body.get("seq", &m.Seq); err != nil {
			return nil, err
		}
		if err := body.get("values", &m.Values); err != nil {
			return nil, err
		}
		if _, err := body.getOptional("ack", &m.Ack); err != nil {
			return nil, err
		}
		if _, err := body.getOptional("relay", &m.Relay); err != nil {
			return nil, err
		}
		return m, nil
	case TypeAck:
		var m Ack
		if err := body.get("ack", &m.Ack); err != nil {
			return nil, err
		}
		return m, nil
	}
	return nil, unsupportedType(kind)
}
