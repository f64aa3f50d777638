package sim

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"rumor/messages"
)

// adminID is the client the hand-driven tests in this package (not the
// Sim) use for init: c0, one of a test's first clients.
const adminID = "c0"

// clientTimeout is how long a Maelstrom client waits for a reply: 5 s
// (eddy/docs/SEMANTICS.md §10.8).
const clientTimeout = 5 * TicksPerSecond

// request is a client request awaiting its reply.
type request struct {
	client string
	node   string
	kind   string // a messages.Type* constant
	value  messages.Value
	sentAt int64
	// mustHold is how many of the node's held values (see workload.held) a
	// read must return: every one the node had shown before the read was
	// sent, since a node never forgets a value, not even across a restart.
	mustHold int
	// admin requests (init, topology, final reads) never time out: a
	// harness whose setup goes unanswered aborts the test.
	admin bool
	// closeAfter closes the client once its reply is in, as Maelstrom does
	// with the client of each init.
	closeAfter bool
}

// worker is one of Maelstrom's worker threads: it issues one operation at
// a time through its client, and opens a new client after a broadcast it
// gave up on (its old one is closed).
type worker struct {
	client string // "" until it opens one
	busy   bool
}

// workload plays Maelstrom's clients: the init clients, the admin client
// (topology and final reads) and the workers that broadcast and read. It
// checks every reply as it arrives.
type workload struct {
	s       *Sim
	workers []*worker
	admin   string
	clients int               // clients opened so far: the next is c<clients>
	closed  map[string]bool   // clients that have been closed: a reply to one is an unknown destination
	pending map[int64]request // by msg_id, which is unique across clients
	expired map[int64]bool    // read requests whose clients gave up, and may yet get a reply
	nextID  int64

	on      bool     // workers issue operations only while this is set
	targets []string // nodes operations go to

	nextInt    int64                   // the next fresh integer to broadcast
	sent       map[messages.Value]bool // every value any broadcast carried
	acked      map[messages.Value]bool // every value a node answered broadcast_ok for
	ackedList  []messages.Value        // acked, in order, for reports
	indefinite map[messages.Value]bool // values whose broadcast went unanswered: accepted or not
	refused    map[messages.Value]bool // values whose broadcast was refused (error 11: a failed write)

	// held lists, per node, the values it is known to hold (it acked them or
	// returned them in a read), each once, in the order learnt.
	held    map[string][]messages.Value
	heldSet map[string]map[messages.Value]bool

	finalReads map[string][]messages.Value // node → its final read, once answered
}

func newWorkload(s *Sim, sc Scenario) *workload {
	w := &workload{
		s:          s,
		closed:     make(map[string]bool),
		pending:    make(map[int64]request),
		expired:    make(map[int64]bool),
		targets:    s.ids,
		sent:       make(map[messages.Value]bool),
		acked:      make(map[messages.Value]bool),
		indefinite: make(map[messages.Value]bool),
		refused:    make(map[messages.Value]bool),
		held:       make(map[string][]messages.Value),
		heldSet:    make(map[string]map[messages.Value]bool),
		finalReads: make(map[string][]messages.Value),
	}
	for range sc.Clients {
		w.workers = append(w.workers, &worker{})
	}
	for _, id := range s.ids {
		w.heldSet[id] = make(map[messages.Value]bool)
	}
	return w
}

// openClient opens a client with the next id, as Maelstrom numbers them.
func (w *workload) openClient() string {
	w.clients++
	return "c" + strconv.Itoa(w.clients-1)
}

// isClient is Maelstrom's rule: an id is a client's when it starts with c.
func (w *workload) isClient(id string) bool { return strings.HasPrefix(id, "c") }

// busy reports whether any request is unanswered.
func (w *workload) busy() bool { return len(w.pending) > 0 }

// send issues a request from client to node. The body's msg_id must come
// from newRequest, which keeps msg_ids unique across clients so that one
// map can hold every pending request.
func (w *workload) send(client, node string, body messages.Body, req request) {
	w.s.inject(w.request(client, node, body, req))
}

// request records a request as sent and returns its message, for the
// caller to put on the network (send) or deliver at once.
func (w *workload) request(client, node string, body messages.Body, req request) messages.Message {
	req.client, req.node, req.kind, req.sentAt = client, node, body.Type(), w.s.now
	w.pending[requestOf(body).MsgID] = req
	m := messages.Message{Src: client, Dest: node, Body: body}
	w.s.trace.begin(w.s.now, "op").raw(messages.Encode(m)).end()
	if !req.admin {
		w.s.stats.Ops++
	}
	return m
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
	for _, wk := range w.workers {
		if wk.busy || w.s.rng.Int64N(w.s.sc.OpTicks*int64(len(w.workers))) != 0 {
			continue
		}
		if wk.client == "" {
			wk.client = w.openClient()
		}
		wk.busy = true
		node := pick(w.s.rng, w.targets)
		if w.s.rng.IntN(100) >= w.s.sc.ReadPercent {
			v := w.nextValue()
			w.sent[v] = true
			w.send(wk.client, node, messages.Broadcast{Request: w.newRequest(), Message: v}, request{value: v})
		} else {
			w.send(wk.client, node, messages.Read{Request: w.newRequest()}, request{mustHold: len(w.held[node])})
		}
	}
}

// expire gives up on the requests that have waited clientTimeout, as
// Maelstrom's clients do: a broadcast becomes indefinite and its client is
// closed (the worker opens a new one for its next operation); a read just
// fails, and its client stays open.
func (w *workload) expire() {
	var old []int64
	for id, req := range w.pending {
		if !req.admin && w.s.now-req.sentAt >= clientTimeout {
			old = append(old, id)
		}
	}
	slices.Sort(old)
	for _, id := range old {
		req := w.pending[id]
		delete(w.pending, id)
		w.s.stats.TimedOut++
		w.s.trace.begin(w.s.now, "timeout").word(req.client).word(req.kind).word(req.node).end()
		wk := w.worker(req.client)
		wk.busy = false
		if req.kind == messages.TypeBroadcast {
			w.indefinite[req.value] = true
			w.closed[req.client] = true
			wk.client = ""
		} else {
			w.expired[id] = true
		}
	}
}

func (w *workload) worker(client string) *worker {
	for _, wk := range w.workers {
		if wk.client == client {
			return wk
		}
	}
	panic("sim: no worker has client " + client)
}

// receive checks one reply and frees its client.
func (w *workload) receive(m messages.Message) {
	id, body, ok := w.inReplyTo(m)
	if !ok {
		return
	}
	req, ok := w.pending[id]
	if !ok {
		if w.expired[id] {
			return // a read's late answer: its client ignores it, as Maelstrom's does
		}
		w.s.fail("reply", "%s got a reply to msg_id %d, which it is not waiting for", m.Dest, id)
		return
	}
	if req.client != m.Dest || req.node != m.Src {
		w.s.fail("reply", "reply to msg_id %d from %s to %s, but %s asked %s", id, m.Src, m.Dest, req.client, req.node)
		return
	}
	delete(w.pending, id)
	if req.closeAfter {
		w.closed[req.client] = true
	}
	if !req.admin {
		w.worker(req.client).busy = false
	}
	switch b := body.(type) {
	case messages.BroadcastOK:
		w.ackedBy(req.node, req.value)
	case messages.ReadOK:
		w.checkRead(req, b.Messages)
	case messages.InitOK, messages.TopologyOK:
	case messages.Error:
		if req.kind == messages.TypeBroadcast && b.Code == messages.CodeTemporarilyUnavailable && w.s.sc.Faults.DiskFailPercent > 0 {
			w.refused[req.value] = true // the node could not write it: refused, definitely
			return
		}
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
	if req.client == w.admin {
		w.finalReads[req.node] = got
	}
}
