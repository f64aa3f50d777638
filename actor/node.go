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

	unannounced bool // this run's incarnation is still to be announced; see announce

	store valueStore
}

// NewNode returns an uninitialised node; it answers nothing useful until it
// receives init.
func NewNode(cfg Config) (*Node, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &Node{cfg: cfg, strategy: newStrategy(cfg.Strategy), store: newValueStore()}, nil
}

// ID returns the node's id, or "" before init.
func (n *Node) ID() string { return n.self }

// Values returns every value the node has accepted, in arrival order. The
// slice must not be modified.
func (n *Node) Values() []messages.Value { return n.store.all() }

// Hub returns where the node currently sends its clients' values, or "" for
// a strategy without hubs.
func (n *Node) Hub() string {
	if s, ok := n.strategy.(*star); ok {
		return s.hub
	}
	return ""
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
	out.NextTick = n.nextTick()
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
	switch m.Body.(type) {
	case messages.Topology, messages.Broadcast, messages.Read:
		// Client traffic starts only once every node has answered init, so
		// every peer can now be addressed (see announce).
		n.announce(out)
	}
}

// reply answers request m when it asked for an answer. Taking a ReplyBody
// makes the answer total: every reply type sets its own in_reply_to, so none
// can leave it out.
func (n *Node) reply(m messages.Message, req messages.Request, body messages.ReplyBody, out *Output) {
	if !req.HasMsgID {
		return
	}
	out.send(messages.Message{Src: m.Dest, Dest: m.Src, Body: body.InReplyToID(req.MsgID)})
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
