package sim

import (
	"fmt"

	"rumor/messages"
)

// adminID is the client that performs init, topology and the final reads.
// Maelstrom uses a fresh client per node for these; one client with many
// requests outstanding is equivalent for the nodes.
const adminID = "c0"

// request is a client request awaiting its reply.
type request struct {
	client string
	node   string
	kind   string // a messages.Type* constant
	value  messages.Value
	// mustHold is how many of the node's held values (see workload.held) a
	// read must return: every one the node had shown before the read was
	// sent, since a node never forgets a value.
	mustHold int
}

// workload plays Maelstrom's clients: the admin client and the workers that
// broadcast and read. It checks every reply as it arrives.
type workload struct {
	s       *Sim
	workers []string
	idle    map[string]bool
	pending map[int64]request // by msg_id, which is unique across clients
	nextID  int64

	on      bool     // workers issue operations only while this is set
	targets []string // nodes operations go to

	nextInt   int64                   // the next fresh integer to broadcast
	sent      map[messages.Value]bool // every value any broadcast carried
	acked     map[messages.Value]bool // every value a node answered broadcast_ok for
	ackedList []messages.Value        // acked, in order, for reports

	// held lists, per node, the values it is known to hold (it acked them or
	// returned them in a read), each once, in the order learnt.
	held    map[string][]messages.Value
	heldSet map[string]map[messages.Value]bool

	finalReads map[string][]messages.Value // node → its final read, once answered
}

func newWorkload(s *Sim, sc Scenario) *workload {
	w := &workload{
		s:          s,
		idle:       make(map[string]bool),
		pending:    make(map[int64]request),
		targets:    s.ids,
		sent:       make(map[messages.Value]bool),
		acked:      make(map[messages.Value]bool),
		held:       make(map[string][]messages.Value),
		heldSet:    make(map[string]map[messages.Value]bool),
		finalReads: make(map[string][]messages.Value),
	}
	for i := 1; i <= sc.Clients; i++ {
		id := fmt.Sprintf("c%d", i)
		w.workers = append(w.workers, id)
		w.idle[id] = true
	}
	for _, id := range s.ids {
		w.heldSet[id] = make(map[messages.Value]bool)
	}
	return w
}

func (w *workload) isClient(id string) bool {
	_, worker := w.idle[id]
	return worker || id == adminID
}

// busy reports whether any request is unanswered.
func (w *workload) busy() bool { return len(w.pending) > 0 }

// send issues a request from client to node. The body's msg_id must come
// from newRequest, which keeps msg_ids unique across clients so that one
// map can hold every pending request.
func (w *workload) send(client, node string, body messages.Body, req request) {
	req.client, req.node, req.kind = client, node, body.Type()
	w.pending[requestOf(body).MsgID] = req
	m := messages.Message{Src: client, Dest: node, Body: body}
	w.s.trace.begin(w.s.now, "op").raw(messages.Encode(m)).end()
	w.s.inject(m)
	if client != adminID {
		w.idle[client] = false
		w.s.stats.Ops++
	}
}

func requestOf(body messages.Body) messages.Request {
	switch b := body.(type) {
	case messages.Init:
		return b.Request
	case messages.Topology:
		return b.Request
	case messages.Broadcast:
		return b.Request
	case messages.Read:
		return b.Request
	}
	panic(fmt.Sprintf("sim: clients do not send %s", body.Type()))
}

// newRequest returns the envelope fields every request carries.
func (w *workload) newRequest() messages.Request {
	w.nextID++
	return messages.Request{MsgID: w.nextID, HasMsgID: true}
}

// step lets each idle worker start an operation with a chance that makes the
// whole cluster average one operation per OpTicks while every worker is idle.
func (w *workload) step() {
	if !w.on {
		return
	}
	for _, c := range w.workers {
		if !w.idle[c] || w.s.rng.Int64N(w.s.sc.OpTicks*int64(len(w.workers))) != 0 {
			continue
		}
		node := pick(w.s.rng, w.targets)
		if w.s.rng.IntN(100) >= w.s.sc.ReadPercent {
			v := w.nextValue()
			w.sent[v] = true
			w.send(c, node, messages.Broadcast{Request: w.newRequest(), Message: v}, request{value: v})
		} else {
			w.send(c, node, messages.Read{Request: w.newRequest()}, request{mustHold: len(w.held[node])})
		}
	}
}

// receive checks one reply and marks its client idle.
func (w *workload) receive(m messages.Message) {
	id, body, ok := w.inReplyTo(m)
	if !ok {
		return
	}
	req, ok := w.pending[id]
	if !ok {
		w.s.fail("reply", "%s got a reply to msg_id %d, which it is not waiting for", m.Dest, id)
		return
	}
	if req.client != m.Dest || req.node != m.Src {
		w.s.fail("reply", "reply to msg_id %d from %s to %s, but %s asked %s", id, m.Src, m.Dest, req.client, req.node)
		return
	}
	delete(w.pending, id)
	if req.client != adminID {
		w.idle[req.client] = true
	}
	switch b := body.(type) {
	case messages.BroadcastOK:
		w.ackedBy(req.node, req.value)
	case messages.ReadOK:
		w.checkRead(req, b.Messages)
	case messages.InitOK, messages.TopologyOK:
	case messages.Error:
		w.s.fail("reply", "%s answered %s with error %d: %s", req.node, req.kind, b.Code, b.Text)
		return
	}
	if want := req.kind + "_ok"; body.Type() != want {
		w.s.fail("reply", "%s answered %s with %s", req.node, req.kind, body.Type())
	}
}

// inReplyTo extracts what a reply answers. Nodes only ever send clients
// replies; anything else is a violation.
func (w *workload) inReplyTo(m messages.Message) (int64, messages.Body, bool) {
	switch b := m.Body.(type) {
	case messages.InitOK:
		return b.InReplyTo, b, true
	case messages.TopologyOK:
		return b.InReplyTo, b, true
	case messages.BroadcastOK:
		return b.InReplyTo, b, true
	case messages.ReadOK:
		return b.InReplyTo, b, true
	case messages.Error:
		return b.InReplyTo, b, true
	}
	w.s.fail("reply", "%s sent client %s a %s", m.Src, m.Dest, m.Body.Type())
	return 0, nil, false
}

func (w *workload) ackedBy(node string, v messages.Value) {
	if !w.acked[v] {
		w.acked[v] = true
		w.ackedList = append(w.ackedList, v)
	}
	w.learn(node, v)
}

// learn records that node holds v.
func (w *workload) learn(node string, v messages.Value) {
	if !w.heldSet[node][v] {
		w.heldSet[node][v] = true
		w.held[node] = append(w.held[node], v)
	}
}

// checkRead checks a read as it comes back: no duplicates, nothing never
// broadcast, and nothing the node was already known to hold missing.
func (w *workload) checkRead(req request, got []messages.Value) {
	seen := make(map[messages.Value]bool, len(got))
	for _, v := range got {
		switch {
		case seen[v]:
			w.s.fail("read", "%s returned %s twice in one read", req.node, v)
			return
		case !w.sent[v]:
			w.s.fail("read", "%s returned %s, which no client broadcast", req.node, v)
			return
		}
		seen[v] = true
	}
	for _, v := range w.held[req.node][:req.mustHold] {
		if !seen[v] {
			w.s.fail("read", "%s's read lacks %s, which it had already acknowledged or returned", req.node, v)
			return
		}
	}
	for _, v := range got {
		w.learn(req.node, v)
	}
	if req.client == adminID {
		w.finalReads[req.node] = got
	}
}
