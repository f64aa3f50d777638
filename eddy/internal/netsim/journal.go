package netsim

import (
	"bufio"
	"io"
	"sync"
)

// Group is one line of Maelstrom's :net statistics.
type Group struct {
	SendCount int // accepted sends, dropped ones included
	RecvCount int // actual deliveries
	MsgCount  int // distinct message ids among the group's events
}

// Counts are the :net statistics: every event, the events touching a client,
// and the rest.
type Counts struct {
	All, Clients, Servers Group
}

// journal records sends and deliveries. Counting is exact: distinct ids are
// tracked in a bitset per group (ids are dense from 0, so this costs one bit
// per message), because the sheet defines msg-count as distinct ids rather
// than assuming it equals send-count.
type journal struct {
	mu      sync.Mutex
	all     groupTally
	clients groupTally
	servers groupTally
	sink    *bufio.Writer // nil unless an event file was requested
	scratch []byte
}

type groupTally struct {
	sends, recvs int
	seen         []uint64
	distinct     int
}

func (g *groupTally) note(id int64, isSend bool) {
	if isSend {
		g.sends++
	} else {
		g.recvs++
	}
	word, bit := int(id/64), uint(id%64)
	for word >= len(g.seen) {
		g.seen = append(g.seen, 0)
	}
	if g.seen[word]&(1<<bit) == 0 {
		g.seen[word] |= 1 << bit
		g.distinct++
	}
}

func (g *groupTally) group() Group {
	return Group{SendCount: g.sends, RecvCount: g.recvs, MsgCount: g.distinct}
}

// event kinds written to the sink.
const (
	evSend = "send"
	evRecv = "recv"
	evDrop = "drop"
)

func (j *journal) record(kind string, at int64, m *Message) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if kind != evDrop {
		isSend := kind == evSend
		j.all.note(m.ID, isSend)
		if m.touchesClient() {
			j.clients.note(m.ID, isSend)
		} else {
			j.servers.note(m.ID, isSend)
		}
	}
	if j.sink != nil {
		j.scratch = appendEvent(j.scratch[:0], kind, at, m)
		_, _ = j.sink.Write(j.scratch)
	}
}

// appendEvent renders one journal line, for example
// {"t":1200,"ev":"send","id":7,"src":"n1","dest":"n2","type":"gossip","due":101200}.
// Drop events carry "dropped":true; sends carry their deadline as "due".
func appendEvent(buf []byte, kind string, at int64, m *Message) []byte {
	buf = append(buf, `{"t":`...)
	buf = appendInt(buf, at)
	buf = append(buf, `,"ev":"`...)
	buf = append(buf, kind...)
	buf = append(buf, `","id":`...)
	buf = appendInt(buf, m.ID)
	buf = append(buf, `,"src":`...)
	buf = appendJSONString(buf, m.Src)
	buf = append(buf, `,"dest":`...)
	buf = appendJSONString(buf, m.Dest)
	buf = append(buf, `,"type":`...)
	buf = appendJSONString(buf, m.Type)
	switch kind {
	case evSend:
		buf = append(buf, `,"due":`...)
		buf = appendInt(buf, m.Deadline)
	case evDrop:
		buf = append(buf, `,"dropped":true`...)
	}
	return append(buf, '}', '\n')
}

// mark writes the clock-zero line: the raw time that is history time 0.
func (j *journal) mark(at int64) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.sink != nil {
		j.scratch = append(appendInt(append(j.scratch[:0], `{"t":`...), at), `,"ev":"clock-zero"}`+"\n"...)
		_, _ = j.sink.Write(j.scratch)
	}
}

func (j *journal) counts() Counts {
	j.mu.Lock()
	defer j.mu.Unlock()
	return Counts{All: j.all.group(), Clients: j.clients.group(), Servers: j.servers.group()}
}

func (j *journal) setSink(w io.Writer) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if w == nil {
		j.sink = nil
		return
	}
	j.sink = bufio.NewWriterSize(w, 256<<10)
}

func (j *journal) flush() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.sink == nil {
		return nil
	}
	return j.sink.Flush()
}
