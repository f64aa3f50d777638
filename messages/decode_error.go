package messages

import "fmt"

// DecodeError says why a line could not become a Message. When the sender and
// the request's msg_id could be read, the error can be answered with an error
// reply; otherwise the node can only log it.
type DecodeError struct {
	Reason string // what was wrong, for a human
	Code   Code   // the Maelstrom code to answer with

	// Where a reply would go. Src, Dest and MsgID are meaningful only when
	// CanReply is true.
	Src, Dest string
	MsgID     int64
	CanReply  bool
}

// Error implements error.
func (e *DecodeError) Error() string {
	if e.Src != "" {
		return fmt.Sprintf("bad message from %s: %s", e.Src, e.Reason)
	}
	return "bad message: " + e.Reason
}

// Reply returns the error reply to send, if one can be sent.
func (e *DecodeError) Reply() (Message, bool) {
	if !e.CanReply {
		return Message{}, false
	}
	return Message{
		Src:  e.Dest,
		Dest: e.Src,
		Body: Error{InReplyTo: e.MsgID, Code: e.Code, Text: e.Reason},
	}, true
}
