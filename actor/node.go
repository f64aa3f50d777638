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

	self        string
	nodes       []string // every node, in init order: the hub preference order
	peers       []string // every node but self, sorted
	links       map[string]*link
	neighbours  []string // Topology strategy only: offered neighbours, sorted
	hasTopology bool

	hub       string          // Star only: where this node's client values go
	reachable map[string]bool // Star only: false once a node stalls, true again when it speaks

	store valueStore
}

// NewNode returns an uninitialised node; it answers nothing useful until it
// receives init.
func NewNode(cfg Config) (*Node, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &Node{cfg: cfg, store: newValueStore()}, nil
}

// ID returns the node's id, or "" before init.
func (n *Node) ID() string { return n.self }

// Values returns every value the node has accepted, in arrival order. The
// slice must not be modified.
func (n *Node) Values() []messages.Value { return n.store.all() }

// Hub returns where the node currently sends its clients' values (Star only).
func (n *Node) Hub() string { return n.hub }

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

// Step applies one event and returns what it caused.
func (n *Node) Step(ev Event) Output {
	var out Output
	switch e := ev.(type) {
	case Tick:
		n.now++
		n.tick()
		n.flush(&out)
	case Received:
		n.receive(e.Msg, &out)
		if n.self != "" {
			n.flush(&out)
		}
	case Rejected:
		out.problem(e.Err.Error())
		if reply, ok := e.Err.Reply(); ok {
			out.send(reply)
		}
	default:
		out.problem(fmt.Sprintf("unknown event %T", ev))
	}
	return out
}

func (n *Node) receive(m messages.Message, out *Output) {
	switch b := m.Body.(type) {
	case messages.Init:
		n.onInit(m, b, out)
	case messages.Topology:
		n.onTopology(m, b, out)
	case messages.Broadcast:
		n.onBroadcast(m, b, out)
	case messages.Read:
		n.onRead(m, b, out)
	case messages.Gossip:
		n.onGossip(m, b, out)
	case messages.Ack:
		n.onAck(m, b, out)
	case messages.Reply:
		out.problem(fmt.Sprintf("ignoring unsolicited %s from %s (in_reply_to %d)", b.Kind, m.Src, b.InReplyTo))
	default:
		out.problem(fmt.Sprintf("ignoring %s from %s: no handler", m.Body.Type(), m.Src))
	}
}

// reply answers request m when it asked for an answer.
func (n *Node) reply(m messages.Message, req messages.Request, body messages.Body, out *Output) {
	if !req.HasMsgID {
		return
	}
	out.send(messages.Message{Src: m.Dest, Dest: m.Src, Body: withInReplyTo(body, req.MsgID)})
}

// fail answers request m with an error, or reports it when no answer is possible.
func (n *Node) fail(m messages.Message, req messages.Request, code messages.Code, text string, out *Output) {
	out.problem(fmt.Sprintf("%s from %s refused: %s", m.Body.Type(), m.Src, text))
	n.reply(m, req, messages.Error{Code: code, Text: text}, out)
}

func withInReplyTo(body messages.Body, id int64) messages.Body {
	switch b := body.(type) {
	case messages.InitOK:
		b.InReplyTo = id
		return b
	case messages.TopologyOK:
		b.InReplyTo = id
		return b
	case messages.BroadcastOK:
		b.InReplyTo = id
		return b
	case messages.ReadOK:
		b.InReplyTo = id
		return b
	case messages.Error:
		b.InReplyTo = id
		return b
	}
	return body
}

// isPeer reports whether id is another node of the cluster.
func (n *Node) isPeer(id string) bool {
	_, ok := slices.BinarySearch(n.peers, id)
	return ok
}
