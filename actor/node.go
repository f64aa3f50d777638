package actor

import (
	"fmt"
	"slices"

	"rumor/messages"
)

// Node is the state machine of one broadcast node. Create it with NewNode and
// drive it only through Step; it is not safe for concurrent use, by design:
// exactly one goroutine (a Loop, a test, a simulator) owns it.
type Node struct {
	cfg Config
	now int64 // ticks seen so far

	self     string
	nodes    []string // every node, in init order: the hub preference order
	peers    []string // every node but self, sorted
	links    map[string]*link
	active   []*link  // the links with something pending; see activate
	unsorted bool     // links were added to active since it was last sorted
	strategy strategy // where values go; chosen once, from cfg.Strategy
	batch    int64    // the batch interval for this cluster's size; see batchTicks
	// rtt folds every link's round-trip samples together: a link that has
	// not measured its own yet goes by it when it is shorter than R₀
	// (roundTrip, rtt.go).
	rtt rttEstimator

	// waiting is the message held back until the write it asked for is
	// reported (Persisted, Recovered); nil when none is. It points at
	// waitSlot, so holding a message back allocates nothing. See durable.go.
	waiting  *messages.Message
	waitSlot messages.Message
	// catchingUp is set from a restart's init until a peer confirms this
	// run; see progress.go.
	catchingUp bool
	// routed counts values queued on links; see hold.go.
	routed   uint64
	batching bool // a batch is due in the flush under way; see batchDue
	// lateAt is the tick late values last went on at once (never
	// before the first); see lateDue.
	lateAt int64
	// crossed is set while the values of a gossip that came across a
	// cut as it healed (heal.go), or that says they are late
	// (Gossip.Late), are routed: a strategy sends them on at once.
	crossed bool
	// wantTick is the tick the node last asked the shell for (none when
	// none), and graceUntil the end of the grace a late wake gives its
	// timeouts (never before the first); see wake.go.
	wantTick   int64
	graceUntil int64
	fence      fence    // the pause guard; see fence.go
	notes      []string // lines for this step's Output.Notes; see note

	store valueStore
}

// NewNode returns an uninitialised node; it answers nothing useful until it
// receives init.
func NewNode(cfg Config) (*Node, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &Node{cfg: cfg, strategy: newStrategy(cfg.Strategy), store: newValueStore(), lateAt: never, wantTick: none, graceUntil: never}, nil
}

// ID returns the node's id, or "" before init.
func (n *Node) ID() string { return n.self }

// Values returns every value the node has accepted, in arrival order. The
// slice must not be modified.
func (n *Node) Values() []messages.Value { return n.store.all() }

// Hub returns where the node currently sends its clients' values, or "" for
// a strategy without hubs.
func (n *Node) Hub() string {
	if n.self == "" {
		return ""
	}
	return n.strategy.hub(n)
}

// Unacked returns how many values the node still owes each peer that it owes
// anything, keyed by peer.
func (n *Node) Unacked() map[string]int {
	owed := make(map[string]int)
	for _, p := range n.peers {
		if k := len(n.links[p].unacked); k > 0 {
			owed[p] = k
		}
	}
	return owed
}

// Probing returns, sorted, the peers the node is still asking to confirm
// its run (see progress.go).
func (n *Node) Probing() []string {
	var ids []string
	for _, p := range n.peers {
		if n.links[p].out.state == stateProbe {
			ids = append(ids, p)
		}
	}
	return ids
}

// Waiting returns, sorted, the peers the node is waiting to hear from
// with nothing of its own unacknowledged on the link: one that promised
// its next message by now (Gossip.More, Ack.More), or one suspect for its
// silence, which the node says hello to until it answers. Either will
// send (a hello, a seek) when its time comes, so a cluster is not quiet
// until none is waiting.
func (n *Node) Waiting() []string {
	var ids []string
	for _, p := range n.peers {
		l := n.links[p]
		if l.expectBy != never || l.out.state == stateSuspect && l.sent == 0 {
			ids = append(ids, p)
		}
	}
	return ids
}

// Fenced reports whether the node is waiting for its fence to come back
// after a pause, and so answering no client request (see fence.go).
func (n *Node) Fenced() bool { return n.fence.up }

// Step applies one event and returns what it caused.
func (n *Node) Step(ev Event) Output {
	var out Output
	if !n.checkWrite(ev, &out) {
		out.NextTick = n.nextTick()
		n.asked(&out)
		return out
	}
	switch e := ev.(type) {
	case Tick:
		n.advance(max(e.N, 1))
		if n.self != "" {
			n.flush(&out)
		}
	case Received:
		n.receive(e.Msg, false, &out)
		n.flushUnlessWaiting(&out)
	case Rejected:
		out.problem(e.Err.Error())
		if reply, ok := e.Err.Reply(); ok {
			n.answer(reply, true, &out)
		}
	case Persisted:
		n.written(e.Err, &out)
		n.flushUnlessWaiting(&out)
	case Recovered:
		n.recovered(e, &out)
		n.flushUnlessWaiting(&out)
	case Resumed:
		n.resumed(&out)
		n.flushUnlessWaiting(&out)
	default:
		out.problem(fmt.Sprintf("unknown event %T", ev))
	}
	n.setNextTick(&out)
	n.asked(&out)
	out.Notes = append(out.Notes, n.notes...)
	n.notes = n.notes[:0]
	return out
}

// note records a line for the step's output from code that has none at
// hand (a strategy changing role).
func (n *Node) note(s string) { n.notes = append(n.notes, s) }

// setNextTick fills in out.NextTick, unless a write is outstanding: the
// shell steps its report next, whose output says.
func (n *Node) setNextTick(out *Output) {
	if n.waiting == nil {
		out.NextTick = n.nextTick()
	}
}

// flushUnlessWaiting sends what is due, unless a write is outstanding: then
// the step's output must hold nothing but the write (see Output).
func (n *Node) flushUnlessWaiting(out *Output) {
	if n.self != "" && n.waiting == nil {
		n.flush(out)
	}
}

// receive dispatches one message. durable says its values are already in
// the log (the second step of a write); otherwise a message that brings
// new values is held back until they are.
func (n *Node) receive(m messages.Message, durable bool, out *Output) {
	switch b := m.Body.(type) {
	case messages.Init:
		n.onInit(m, b, out)
	case messages.Topology:
		n.onTopology(m, b, out)
	case messages.Broadcast:
		n.onBroadcast(m, b, durable, out)
	case messages.Read:
		n.onRead(m, b, out)
	case messages.Gossip:
		n.onGossip(m, b, durable, out)
	case messages.Ack:
		n.onAck(m, b, durable, out)
	case messages.Probe:
		n.onProbe(m, b, out)
	case messages.Fence:
		n.onFence(m, b, out)
	case messages.Reply:
		out.problem(fmt.Sprintf("ignoring unsolicited %s from %s (in_reply_to %d)", b.Kind, m.Src, b.InReplyTo))
	default:
		out.problem(fmt.Sprintf("ignoring %s from %s: no handler", m.Body.Type(), m.Src))
	}
}

// reply answers request m when it asked for an answer. Taking a ReplyBody
// makes the answer total: every reply type sets its own in_reply_to, so none
// can leave it out.
func (n *Node) reply(m messages.Message, req messages.Request, body messages.ReplyBody, out *Output) {
	if !req.HasMsgID {
		return
	}
	_, setup := m.Body.(messages.Init)
	if _, topology := m.Body.(messages.Topology); topology {
		setup = true
	}
	n.answer(messages.Message{Src: m.Dest, Dest: m.Src, Body: body.InReplyToID(req.MsgID)}, !setup, out)
}

// fail answers request m with an error, or reports it when no answer is possible.
func (n *Node) fail(m messages.Message, req messages.Request, code messages.Code, text string, out *Output) {
	out.problem(fmt.Sprintf("%s from %s refused: %s", m.Body.Type(), m.Src, text))
	n.reply(m, req, messages.Error{Code: code, Text: text}, out)
}

// isPeer reports whether id is another node of the cluster.
func (n *Node) isPeer(id string) bool {
	_, ok := slices.BinarySearch(n.peers, id)
	return ok
}
