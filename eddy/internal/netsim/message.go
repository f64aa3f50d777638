package netsim

import (
	"strings"

	"eddy/internal/jsonappend"
)

// Message is one envelope travelling through the network.
type Message struct {
	ID   int64  // global network id, assigned on send
	Src  string // sender id
	Dest string // destination id
	Type string // the body's "type" field, if it is a string; for journal and logs
	Body []byte // the body: always a compact JSON object

	// Sent and Deadline are nanoseconds on the network clock: when the
	// message was accepted, and when it is due at its destination.
	Sent     int64
	Deadline int64
}

// IsClient reports whether a member id names a client: Maelstrom's rule is
// simply that the id starts with "c" (§1.7).
func IsClient(id string) bool { return strings.HasPrefix(id, "c") }

// touchesClient reports whether a message has a client at either end; such
// messages get no latency and are journaled in the :clients group.
func (m *Message) touchesClient() bool { return IsClient(m.Src) || IsClient(m.Dest) }

// appendLine appends the line Maelstrom writes to a node's stdin: keys in the
// order id, src, dest, body, then a newline.
func appendLine(buf []byte, m *Message) []byte {
	buf = append(buf, `{"id":`...)
	buf = jsonappend.Int(buf, m.ID)
	buf = append(buf, `,"src":`...)
	buf = jsonappend.String(buf, m.Src)
	buf = append(buf, `,"dest":`...)
	buf = jsonappend.String(buf, m.Dest)
	buf = append(buf, `,"body":`...)
	buf = append(buf, m.Body...)
	return append(buf, '}', '\n')
}
