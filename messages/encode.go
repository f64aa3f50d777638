package messages

import (
	"slices"
	"strconv"
	"unicode/utf8"
)

// Encode returns m as one line of JSON, newline included.
func Encode(m Message) []byte { return AppendLine(nil, m) }

// AppendLine appends m as one line of JSON, newline included, to b.
//
// Encoding is written out by hand rather than through reflection for two
// reasons: key order and key set are exact (Maelstrom's reply schemas are
// closed, so an echoed or empty extra key makes a reply malformed), and a
// node writing thousands of gossip batches a second should not allocate per
// field.
func AppendLine(b []byte, m Message) []byte {
	b = append(b, `{"src":`...)
	b = appendString(b, m.Src)
	b = append(b, `,"dest":`...)
	b = appendString(b, m.Dest)
	b = append(b, `,"body":{"type":`...)
	b = appendString(b, m.Body.Type())
	b = appendBodyFields(b, m.Body)
	return append(b, "}}\n"...)
}

// appendBodyFields appends ,"key":value for every field of body after type.
func appendBodyFields(b []byte, body Body) []byte {
	switch t := body.(type) {
	case Init:
		b = appendRequest(b, t.Request)
		b = append(b, `,"node_id":`...)
		b = appendString(b, t.NodeID)
		b = append(b, `,"node_ids":`...)
		b = appendStrings(b, t.NodeIDs)
	case Topology:
		b = appendRequest(b, t.Request)
		b = append(b, `,"topology":{`...)
		nodes := make([]string, 0, len(t.Topology))
		for node := range t.Topology {
			nodes = append(nodes, node)
		}
		slices.Sort(nodes)
		for i, node := range nodes {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, node)
			b = append(b, ':')
			b = appendStrings(b, t.Topology[node])
		}
		b = append(b, '}')
	case Broadcast:
		b = append(b, `,"message":`...)
		b = t.Message.AppendJSON(b)
		b = appendRequest(b, t.Request)
	case Read:
		b = appendRequest(b, t.Request)
	case InitOK:
		b = appendInt(b, "in_reply_to", t.InReplyTo)
	case TopologyOK:
		b = appendInt(b, "in_reply_to", t.InReplyTo)
	case BroadcastOK:
		b = appendInt(b, "in_reply_to", t.InReplyTo)
	case ReadOK:
		b = append(b, `,"messages":`...)
		b = AppendValues(b, t.Messages)
		b = appendInt(b, "in_reply_to", t.InReplyTo)
	case Error:
		b = appendInt(b, "in_reply_to", t.InReplyTo)
		b = appendInt(b, "code", int64(t.Code))
		b = append(b, `,"text":`...)
		b = appendString(b, t.Text)
	case Reply:
		b = appendInt(b, "in_reply_to", t.InReplyTo)
	case Gossip:
		b = append(b, `,"seq":`...)
		b = strconv.AppendUint(b, t.Seq, 10)
		b = append(b, `,"values":`...)
		b = AppendValues(b, t.Values)
		b = append(b, `,"ack":`...)
		b = strconv.AppendUint(b, t.Ack, 10)
		b = appendHeld(b, t.Held)
		b = appendOptional(b, `,"ts":`, t.Stamp)
		b = appendOptional(b, `,"echo":`, t.Echo)
		if t.Now {
			b = append(b, `,"now":true`...)
		}
		if t.Late {
			b = append(b, `,"late":true`...)
		}
		b = appendOptional(b, `,"more":`, t.More)
		b = appendPath(b, t.Path)
		b = appendOptional(b, `,"hub_ts":`, t.HubTS)
		b = appendIncarnations(b, t.Incarnations)
	case Ack:
		b = append(b, `,"ack":`...)
		b = strconv.AppendUint(b, t.Ack, 10)
		b = appendHeld(b, t.Held)
		b = appendOptional(b, `,"echo":`, t.Echo)
		if t.Now {
			b = append(b, `,"now":true`...)
		}
		b = appendOptional(b, `,"more":`, t.More)
		if t.Ask {
			b = append(b, `,"ask":true`...)
		}
		if len(t.Values) > 0 {
			b = append(b, `,"values":`...)
			b = AppendValues(b, t.Values)
		}
		b = appendPath(b, t.Path)
		b = appendOptional(b, `,"hub_ts":`, t.HubTS)
		b = appendIncarnations(b, t.Incarnations)
	case Probe:
		b = appendPath(b, t.Path)
		b = appendIncarnations(b, t.Incarnations)
	case Fence:
		b = append(b, `,"seq":`...)
		b = strconv.AppendUint(b, t.Seq, 10)
	}
	return b
}

func appendHeld(b []byte, held uint64) []byte { return appendOptional(b, `,"held":`, held) }

// appendOptional appends key and v, or nothing when v is 0.
func appendOptional(b []byte, key string, v uint64) []byte {
	if v == 0 {
		return b
	}
	b = append(b, key...)
	return strconv.AppendUint(b, v, 10)
}

func appendPath(b []byte, path []string) []byte {
	if len(path) == 0 {
		return b
	}
	b = append(b, `,"path":[`...)
	for i, id := range path {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, id)
	}
	return append(b, ']')
}

func appendIncarnations(b []byte, inc Incarnations) []byte {
	if inc.Inc != 0 {
		b = append(b, `,"inc":`...)
		b = strconv.AppendUint(b, inc.Inc, 10)
	}
	if inc.ToInc != 0 {
		b = append(b, `,"to_inc":`...)
		b = strconv.AppendUint(b, inc.ToInc, 10)
	}
	return b
}

// AppendValues appends values as a JSON array; an empty or nil slice becomes
// [] because Maelstrom rejects a null messages field.
func AppendValues(b []byte, values []Value) []byte {
	b = append(b, '[')
	for i, v := range values {
		if i > 0 {
			b = append(b, ',')
		}
		b = v.AppendJSON(b)
	}
	return append(b, ']')
}

func appendRequest(b []byte, r Request) []byte {
	if !r.HasMsgID {
		return b
	}
	return appendInt(b, "msg_id", r.MsgID)
}

func appendInt(b []byte, key string, n int64) []byte {
	b = append(b, `,"`...)
	b = append(b, key...)
	b = append(b, `":`...)
	return strconv.AppendInt(b, n, 10)
}

func appendStrings(b []byte, ss []string) []byte {
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, s)
	}
	return append(b, ']')
}

// appendString appends s as a JSON string. Control characters are escaped as
// JSON requires, and invalid UTF-8 becomes U+FFFD so the output is always
// valid JSON.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, `\ufffd`...)
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}
