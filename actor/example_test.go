package actor_test

import (
	"fmt"
	"runtime"
	"time"

	"go.uber.org/goleak"

	"rumor/actor"
	"rumor/messages"
)

// pushWithoutDone is Loop.Push with its done case removed: a send on an
// unbuffered channel that waits for a receiver, however long that takes.
func pushWithoutDone(events chan<- actor.Event, ev actor.Event) {
	events <- ev
}

// blockedSending counts the goroutines whose stack shows them sending on a
// channel from inside pusher. It reads the runtime's goroutine profile, so
// it depends on no report's wording.
func blockedSending(pusher string) int {
	records := make([]runtime.StackRecord, runtime.NumGoroutine()+8)
	n, ok := runtime.GoroutineProfile(records)
	for !ok { // more goroutines appeared meanwhile; try a bigger slice
		records = make([]runtime.StackRecord, n+8)
		n, ok = runtime.GoroutineProfile(records)
	}
	count := 0
	for _, r := range records[:n] {
		frames := runtime.CallersFrames(r.Stack())
		sending, inPusher := false, false
		for {
			f, more := frames.Next()
			sending = sending || f.Function == "runtime.chansend1"
			inPusher = inPusher || f.Function == pusher
			if !more {
				break
			}
		}
		if sending && inPusher {
			count++
		}
	}
	return count
}

// leaks reports how many goroutines started since others was taken are
// still alive, waiting as goleak does for those on their way out, and how
// many of them are stuck sending from inside pusher.
func leaks(others goleak.Option, pusher string) (leaked bool, stuck int) {
	if goleak.Find(others) == nil {
		return false, 0
	}
	return true, blockedSending(pusher)
}

// ExampleLoop_Push shows the leak that Push's done case prevents. Without it,
// a goroutine that pushes after the loop has gone waits for a receiver that
// will never come: it is blocked for good, and goleak finds it. With it, Push
// sees that the loop has stopped, returns false, and nothing is left behind.
func ExampleLoop_Push() {
	// Goroutines that exist now are somebody else's; judge only ours.
	others := goleak.IgnoreCurrent()

	// Without the done case: the loop has gone, so nobody will receive.
	events := make(chan actor.Event)
	go pushWithoutDone(events, actor.Tick{})
	leaked, stuck := leaks(others, "rumor/actor_test.pushWithoutDone")
	fmt.Printf("without done: leaked %v, %d goroutine blocked sending to the loop\n", leaked, stuck)

	// Release it by hand: otherwise the package's goleak.VerifyTestMain would
	// fail the whole test binary, which is exactly its job.
	<-events
	leaked, _ = leaks(others, "rumor/actor_test.pushWithoutDone")
	fmt.Println("released by hand: leaked", leaked)

	// With the done case: once the loop has stopped, Push gives up at once.
	node, _ := actor.NewNode(actor.DefaultConfig())
	loop := actor.Start(node, time.Hour, nil, func(actor.Event, actor.Output) {})
	loop.Stop()
	pushed := make(chan bool)
	go func() { pushed <- loop.Push(actor.Tick{}) }()
	fmt.Println("with done: Push returns", <-pushed)
	leaked, stuck = leaks(others, "rumor/actor.(*Loop).Push")
	fmt.Printf("with done: leaked %v, %d goroutines blocked sending to the loop\n", leaked, stuck)

	// Output:
	// without done: leaked true, 1 goroutine blocked sending to the loop
	// released by hand: leaked false
	// with done: Push returns false
	// with done: leaked false, 0 goroutines blocked sending to the loop
}

// handNet is the smallest network that can drive Nodes by hand: one goroutine
// (the example's), a FIFO of messages in flight, and a set of cut links.
// Like Maelstrom, it checks the partition when a message is delivered, and
// it never loses client traffic.
type handNet struct {
	ids      []string
	nodes    map[string]*actor.Node
	inFlight []messages.Message
	cut      map[[2]string]bool // {src, dest} pairs whose messages are lost
	lost     int
	replies  []messages.Message // messages addressed to clients
}

func newHandNet(cfg actor.Config, ids ...string) *handNet {
	h := &handNet{ids: ids, nodes: map[string]*actor.Node{}, cut: map[[2]string]bool{}}
	for i, id := range ids {
		n, err := actor.NewNode(cfg)
		if err != nil {
			panic(err)
		}
		h.nodes[id] = n
		h.request(id, messages.Init{Request: messages.Request{MsgID: int64(i), HasMsgID: true}, NodeID: id, NodeIDs: ids})
	}
	return h
}

// post queues a step's messages: to clients they are kept, to nodes they
// travel.
func (h *handNet) post(out actor.Output) {
	for _, m := range out.Messages {
		if _, ok := h.nodes[m.Dest]; ok {
			h.inFlight = append(h.inFlight, m)
		} else {
			h.replies = append(h.replies, m)
		}
	}
}

// settle delivers messages until none is in flight. Each delivery is one Step
// and may put more messages in flight.
func (h *handNet) settle() {
	for len(h.inFlight) > 0 {
		m := h.inFlight[0]
		h.inFlight = h.inFlight[1:]
		if h.cut[[2]string{m.Src, m.Dest}] {
			h.lost++
			continue
		}
		h.step(m.Dest, actor.Received{Msg: m})
	}
}

// step applies ev to a node as a shell with a perfect log would: a write
// the node asks for succeeds and is reported at once.
func (h *handNet) step(id string, ev actor.Event) {
	out := h.nodes[id].Step(ev)
	h.post(out)
	if next, ok := actor.Write(nil, out); ok {
		h.post(h.nodes[id].Step(next))
	}
}

// tick advances time: every node gets count Ticks, and the network settles
// after each round.
func (h *handNet) tick(count int) {
	for range count {
		for _, id := range h.ids {
			h.step(id, actor.Tick{})
		}
		h.settle()
	}
}

// request plays a client: it steps node with body and returns the reply.
func (h *handNet) request(node string, body messages.Body) messages.Message {
	h.replies = h.replies[:0]
	h.step(node, actor.Received{Msg: messages.Message{Src: "c1", Dest: node, Body: body}})
	h.settle()
	return h.replies[0]
}

func (h *handNet) partition(a, b string, cut bool) {
	h.cut[[2]string{a, b}] = cut
	h.cut[[2]string{b, a}] = cut
}

// show prints what a client reading each node would see, the node's hub, and
// how many values it still owes each peer.
func (h *handNet) show() {
	for _, id := range h.ids {
		reply := h.request(id, messages.Read{Request: messages.Request{MsgID: 99, HasMsgID: true}})
		read := reply.Body.(messages.ReadOK)
		fmt.Printf("  %s reads %s  hub %s  owes %v\n", id, messages.AppendValues(nil, read.Messages), h.nodes[id].Hub(), h.nodes[id].Unacked())
	}
}

// ExampleNode_partitionAndHeal drives three cores by hand, with no goroutines
// and no clock: time is the Ticks the example hands out. The link between
// the hub n0 and n2 is cut, and a value is broadcast on each side of the cut.
//
// n2 sends its value to its hub and hears nothing back. One timeout later
// it seeks another way: it asks n1, handing it the value with the
// question; n1 has heard from n0 (n2 never has), so it answers, takes n2
// as a child and passes the value to its own hub, n0, so the value goes
// round the cut, and passes n2 what it hears from n0, so n0's value
// reaches n2 the same way. Two timeouts later, with another resend to n0
// between, n2 fails over to n1. n0's value is stuck in n0's
// queue for n2 and is resent with backoff; that queue holds n2's own value
// too, since a hub fans out whatever reaches it to every peer but the one
// it came from. n2's queue for n0 holds both as well: a leaf passes what it
// hears on to its parent, which n0 still was when n1's copy arrived. After
// the heal the resends get through, n0 acknowledges n2's, n2 returns to
// n0, and every queue drains.
func ExampleNode_partitionAndHeal() {
	// The example's own numbers, so that re-tuning the defaults cannot
	// change its story.
	cfg := actor.Config{Strategy: actor.Star, BatchTicks: 2, RetransmitTicks: 10, MaxRetransmitTicks: 40, AckTicks: 5}
	h := newHandNet(cfg, "n0", "n1", "n2")

	h.partition("n0", "n2", true)
	h.request("n0", messages.Broadcast{Request: messages.Request{MsgID: 1, HasMsgID: true}, Message: messages.IntValue(1)})
	h.request("n2", messages.Broadcast{Request: messages.Request{MsgID: 2, HasMsgID: true}, Message: messages.IntValue(2)})
	h.tick(50)
	fmt.Println("cut n0-n2, 50 ticks later:")
	h.show()

	h.partition("n0", "n2", false)
	h.tick(100)
	fmt.Println("healed, 100 ticks later:")
	h.show()
	fmt.Println("messages lost to the cut:", h.lost)

	// Output:
	// cut n0-n2, 50 ticks later:
	//   n0 reads [1,2]  hub n0  owes map[n2:2]
	//   n1 reads [1,2]  hub n0  owes map[]
	//   n2 reads [2,1]  hub n1  owes map[n0:2]
	// healed, 100 ticks later:
	//   n0 reads [1,2]  hub n0  owes map[]
	//   n1 reads [1,2]  hub n0  owes map[]
	//   n2 reads [2,1]  hub n0  owes map[]
	// messages lost to the cut: 11
}
