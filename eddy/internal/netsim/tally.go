package netsim

import (
	"sync"

	"eddy/internal/journal"
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

// tally counts sends and deliveries, and hands each event to the sink
// (a journal.Writer) when there is one. Counting is exact: distinct ids
// are tracked in a bitset per group (ids are dense from 0, so this costs
// one bit per message), because the sheet defines msg-count as distinct
// ids rather than assuming it equals send-count.
type tally struct {
	mu      sync.Mutex
	all     groupTally
	clients groupTally
	servers groupTally
	sink    *journal.Writer // nil unless the run keeps a journal file
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

// record counts one event (kind is journal.Send, Recv or Drop; drops
// are not counted, as Maelstrom does not) and writes it to the sink.
func (j *tally) record(kind string, at int64, m *Message) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if kind != journal.Drop {
		isSend := kind == journal.Send
		j.all.note(m.ID, isSend)
		if m.touchesClient() {
			j.clients.note(m.ID, isSend)
		} else {
			j.servers.note(m.ID, isSend)
		}
	}
	if j.sink != nil {
		e := journal.Event{T: at, Ev: kind, ID: m.ID, Src: m.Src, Dest: m.Dest, Type: m.Type}
		switch kind {
		case journal.Send:
			e.Due = m.Deadline
		case journal.Drop:
			e.Dropped = true
		}
		j.sink.Write(e)
	}
}

// mark writes the clock-zero line: the raw time that is history time 0.
func (j *tally) mark(at int64) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.sink != nil {
		j.sink.Write(journal.Event{T: at, Ev: journal.ClockZero})
	}
}

func (j *tally) counts() Counts {
	j.mu.Lock()
	defer j.mu.Unlock()
	return Counts{All: j.all.group(), Clients: j.clients.group(), Servers: j.servers.group()}
}

func (j *tally) setSink(w *journal.Writer) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.sink = w
}

func (j *tally) flush() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.sink == nil {
		return nil
	}
	return j.sink.Flush()
}
