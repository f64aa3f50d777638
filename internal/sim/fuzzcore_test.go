package sim

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"rumor/actor"
	"rumor/messages"
)

// FuzzCore feeds one node arbitrary sequences of events (see newCoreFuzzer
// for how the input's first bytes set the node up, and coreFuzzer.op for the
// events)
// and checks after every step that it did not panic and that its invariants
// hold: every value it acknowledged to a client is still readable, it holds
// no value twice and none that was not written to its log first, it never
// owes a peer more values than it holds, a read returns exactly what it
// holds, and everything it sends encodes to a line that decodes. Writes the
// node asks for succeed or fail as the script says.
func FuzzCore(f *testing.F) {
	f.Add([]byte{}) // the rest of the seed corpus is in testdata/fuzz/FuzzCore
	f.Fuzz(func(t *testing.T, input []byte) {
		newCoreFuzzer(t, &script{b: input}).run()
	})
}

// coreFuzzer is one node under a fuzz script, with what the checks need.
type coreFuzzer struct {
	t     *testing.T
	s     *script
	node  *actor.Node
	ids   []string // the cluster in init order
	self  string
	acked map[messages.Value]bool // values the node answered broadcast_ok for
	// durable are the values the log holds: written when the node asked,
	// or recovered at init.
	durable map[messages.Value]bool
	msgID   int64
	// ticksLeft caps the ticks one input may ask for, so that every input
	// runs in well under a millisecond and the fuzzer stays fast.
	ticksLeft int
}

func newCoreFuzzer(t *testing.T, s *script) *coreFuzzer {
	cfg := configs[s.intn(len(configs))]
	cfg.Strategy = strategies[s.intn(len(strategies))]
	node, err := actor.NewNode(cfg)
	if err != nil {
		t.Fatal(err)
	}
	size := 1 + s.intn(5)
	c := &coreFuzzer{t: t, s: s, node: node, acked: make(map[messages.Value]bool), durable: make(map[messages.Value]bool), ticksLeft: 2000}
	for i := range size {
		c.ids = append(c.ids, fmt.Sprintf("n%d", i))
	}
	c.self = c.ids[s.intn(size)]
	if s.intn(8) != 0 { // usually start initialised; sometimes leave it to the script
		c.step(actor.Received{Msg: c.from(c.initClient(), messages.Init{Request: c.request(), NodeID: c.self, NodeIDs: c.ids})})
	}
	return c
}

func (c *coreFuzzer) run() {
	for ops := 0; !c.s.done() && ops < 300; ops++ {
		c.op()
		c.checkState()
	}
}

// initClient is who sends init: one of the test's first clients (a fresh
// start) or, one time in four, a later one (a restart).
func (c *coreFuzzer) initClient() string {
	if c.s.intn(4) == 0 {
		return fmt.Sprintf("c%d", 10+c.s.intn(5))
	}
	return adminID
}

// op reads one event from the script and steps the node with it.
func (c *coreFuzzer) op() {
	switch c.s.intn(13) {
	case 0:
		for range min(1+c.s.intn(64), c.ticksLeft) { // a few of these reach the longest timers
			c.ticksLeft--
			c.step(actor.Tick{})
		}
	case 1:
		c.step(actor.Received{Msg: c.from(c.client(), messages.Broadcast{Request: c.request(), Message: c.value()})})
	case 2:
		c.step(actor.Received{Msg: c.from(c.client(), messages.Read{Request: c.request()})})
	case 3:
		g := messages.Gossip{Seq: c.s.number(), Ack: c.s.number(), Now: c.s.intn(2) == 1}
		for range c.s.intn(6) {
			g.Values = append(g.Values, c.value())
		}
		c.step(actor.Received{Msg: c.from(c.peer(), g)})
	case 4:
		c.step(actor.Received{Msg: c.from(c.peer(), messages.Ack{Ack: c.s.number()})})
	case 5: // whatever the raw bytes decode to, as the shell would hand it over
		m, err := messages.Decode(c.s.bytes(c.s.intn(64)))
		if err != nil {
			c.step(actor.Rejected{Err: err.(*messages.DecodeError)})
		} else {
			c.step(actor.Received{Msg: m})
		}
	case 6:
		ids := c.ids
		if c.s.intn(4) == 0 {
			ids = append([]string{c.peer()}, ids[:c.s.intn(len(ids)+1)]...)
		}
		c.step(actor.Received{Msg: c.from(c.initClient(), messages.Init{Request: c.request(), NodeID: c.peer(), NodeIDs: ids})})
	case 7:
		topo := make(map[string][]string)
		for range c.s.intn(6) {
			node := c.peer()
			topo[node] = append(topo[node], c.peer())
		}
		c.step(actor.Received{Msg: c.from(adminID, messages.Topology{Request: c.request(), Topology: topo})})
	case 8:
		kind := []string{messages.TypeBroadcastOK, messages.TypeReadOK, messages.TypeError, "gossip_ok"}[c.s.intn(4)]
		c.step(actor.Received{Msg: c.from(c.peer(), messages.Reply{Kind: kind, InReplyTo: int64(c.s.number())})})
	case 9: // a message from this very node's id, as a confused network might deliver
		c.step(actor.Received{Msg: c.from(c.self, messages.Gossip{Seq: 1, Values: []messages.Value{c.value()}})})
	case 10: // a pause: a long stretch of time, then the word that it was one
		c.step(actor.Tick{N: int64(c.s.intn(4)) << (8 * c.s.intn(4))})
		c.step(actor.Resumed{})
	case 11:
		c.step(actor.Received{Msg: c.from(c.peer(), messages.Probe{Incarnations: messages.Incarnations{Inc: c.s.number(), ToInc: c.s.number()}})})
	case 12:
		c.step(actor.Received{Msg: c.from(c.peer(), messages.Fence{Seq: c.s.number()})})
	}
}

func (c *coreFuzzer) from(src string, body messages.Body) messages.Message {
	return messages.Message{Src: src, Dest: c.self, Body: body}
}

// request returns a fresh msg_id, or none one time in eight.
func (c *coreFuzzer) request() messages.Request {
	c.msgID++
	return messages.Request{MsgID: c.msgID, HasMsgID: c.s.intn(8) != 0}
}

func (c *coreFuzzer) client() string { return fmt.Sprintf("c%d", 1+c.s.intn(3)) }

// peer returns a member of the cluster, or now and then a stranger.
func (c *coreFuzzer) peer() string {
	if k := c.s.intn(len(c.ids) + 2); k < len(c.ids) {
		return c.ids[k]
	} else if k == len(c.ids) {
		return "n9"
	}
	return "c1"
}

// value returns one of a few values, so that repeats are common.
func (c *coreFuzzer) value() messages.Value {
	if k := c.s.intn(20); k < 16 {
		return messages.IntValue(int64(k))
	}
	odd := []string{`null`, `"1"`, `1.0`, `{"a":[1]}`}
	v, err := messages.ParseValue([]byte(odd[c.s.intn(len(odd))]))
	if err != nil {
		c.t.Fatal(err)
	}
	return v
}

// step applies one event and checks what it sent.
func (c *coreFuzzer) step(ev actor.Event) {
	var reqID int64
	var broadcastValue *messages.Value
	if r, ok := ev.(actor.Received); ok {
		if b, ok := r.Msg.Body.(messages.Broadcast); ok && b.HasMsgID {
			reqID, broadcastValue = b.MsgID, &b.Message
		}
	}
	wasInitialised := c.node.ID() != ""
	out := c.node.Step(ev)
	out.Messages = append(out.Messages, c.write(out).Messages...)
	if init, ok := initOf(ev); ok && !wasInitialised && c.node.ID() != "" {
		c.ids, c.self = init.NodeIDs, init.NodeID // the cluster is whatever the first init said
	}

	for _, m := range out.Messages {
		line := messages.Encode(m)
		if _, err := messages.Decode(bytes.TrimSuffix(line, []byte("\n"))); err != nil {
			c.t.Fatalf("the node sent a line that does not decode: %v: %s", err, line)
		}
		switch b := m.Body.(type) {
		case messages.BroadcastOK:
			if broadcastValue != nil && b.InReplyTo == reqID {
				c.acked[*broadcastValue] = true
			}
		case messages.ReadOK:
			if held := c.node.Values(); len(b.Messages) != len(held) {
				c.t.Fatalf("a read returned %d values; the node holds %d", len(b.Messages), len(held))
			}
		case messages.Gossip:
			if b.Seq == 0 || !c.isPeer(m.Dest) {
				c.t.Fatalf("gossip with seq %d to %q", b.Seq, m.Dest)
			}
		}
	}
}

// write does the write out asks for, if any, succeeding or failing as the
// script says (a log opened on a restart holds a few values of its own),
// and returns the output of its report.
func (c *coreFuzzer) write(out actor.Output) actor.Output {
	var ev actor.Event
	failed := c.s.intn(6) == 0
	switch {
	case out.OpenLog != nil:
		r := actor.Recovered{}
		if !out.OpenLog.Fresh {
			for range c.s.intn(4) {
				r.Values = append(r.Values, c.value())
			}
		}
		if failed {
			r = actor.Recovered{Err: errors.New("permission denied"), Problems: []string{"a torn record"}}
		}
		for _, v := range r.Values {
			c.durable[v] = true
		}
		ev = r
	case len(out.Persist) > 0:
		if failed {
			ev = actor.Persisted{Err: errors.New("no space left on device")}
			break
		}
		for _, v := range out.Persist {
			c.durable[v] = true
		}
		ev = actor.Persisted{}
	default:
		return actor.Output{}
	}
	next := c.node.Step(ev)
	if next.OpenLog != nil || len(next.Persist) > 0 {
		c.t.Fatalf("the report of a write asked for another write: %+v", next)
	}
	return next
}

// checkState checks the node's state between operations: no value held
// twice or without having been written, every acknowledged value still
// held, no peer owed more than is held.
func (c *coreFuzzer) checkState() {
	held := make(map[messages.Value]bool)
	for _, v := range c.node.Values() {
		if held[v] {
			c.t.Fatalf("the node holds %s twice", v)
		}
		if !c.durable[v] {
			c.t.Fatalf("the node holds %s, which was never written to its log", v)
		}
		held[v] = true
	}
	for v := range c.acked {
		if !held[v] {
			c.t.Fatalf("the node acknowledged %s to a client and no longer holds it", v)
		}
	}
	for peer, owed := range c.node.Unacked() {
		if owed > len(held) {
			c.t.Fatalf("the node owes %s %d values but holds %d", peer, owed, len(held))
		}
	}
}

func initOf(ev actor.Event) (messages.Init, bool) {
	if r, ok := ev.(actor.Received); ok {
		init, ok := r.Msg.Body.(messages.Init)
		return init, ok
	}
	return messages.Init{}, false
}

func (c *coreFuzzer) isPeer(id string) bool {
	for _, x := range c.ids {
		if x == id && id != c.node.ID() {
			return true
		}
	}
	return false
}
