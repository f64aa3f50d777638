package walkthrough

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"time"

	"rumor/actor"
	"rumor/messages"
)

// Mailboxes runs three of rumor's nodes in one process, each in its own
// Loop, and lets them talk. No node's handler pushes into another node's
// Loop: that would make two owners wait on each other, and two nodes
// sending to each other at the same moment would each sit in the other's
// Push for good, a deadlock. Every handler posts to a router instead, an
// actor of its own whose state is the messages in flight; the router never
// waits on a node, and one pump goroutine per node does the waiting, each
// on one Push. Maelstrom's network plays the router's part between real
// processes.
func Mailboxes(w io.Writer) {
	ids := []string{"n0", "n1", "n2"}
	r := startRouter(ids)
	for i, id := range ids {
		r.ask(id, messages.Init{Request: req(int64(i + 1)), NodeID: id, NodeIDs: ids})
	}
	for i, id := range ids {
		r.ask(id, messages.Broadcast{Request: req(10), Message: messages.IntValue(int64(i))})
	}
	fmt.Fprintln(w, "each node took a value from a client; the nodes now gossip through the router")
	for _, id := range ids {
		for {
			read := r.ask(id, messages.Read{Request: req(20)}).Body.(messages.ReadOK)
			if len(read.Messages) == len(ids) {
				got := read.Messages
				slices.SortFunc(got, func(a, b messages.Value) int { return cmp.Compare(a.String(), b.String()) })
				fmt.Fprintf(w, "%s reads %s (sorted: the order of arrival varies)\n", id, messages.AppendValues(nil, got))
				break
			}
			time.Sleep(10 * time.Millisecond) // real time: the nodes' ticks are real
		}
	}
	r.stop()
	fmt.Fprintln(w, "stopped: router, pumps and loops all gone")
}

// router is the in-process network: one mailbox per node, each an actor
// of its own that owns the queue of messages for its node.
type router struct {
	loops  map[string]*actor.Loop
	inbox  map[string]chan messages.Message // to each node's mailbox
	client chan messages.Message            // replies to the one client
	quit   chan struct{}                    // closed by stop
	exited chan struct{}                    // one token per mailbox or pump that has exited
}

func startRouter(ids []string) *router {
	r := &router{loops: map[string]*actor.Loop{}, inbox: map[string]chan messages.Message{},
		client: make(chan messages.Message, 1), quit: make(chan struct{}), exited: make(chan struct{})}
	for _, id := range ids {
		r.inbox[id] = make(chan messages.Message)
	}
	for _, id := range ids {
		node, _ := actor.NewNode(actor.DefaultConfig())
		r.loops[id] = actor.Start(node, 10*time.Millisecond, nil, r.post)
		feed := make(chan messages.Message)
		go r.mailbox(r.inbox[id], feed)
		go r.pump(r.loops[id], feed)
	}
	return r
}

// post is every node's handler: it hands each message of the step to the
// mailbox of its destination, which is always ready to take it.
func (r *router) post(_ actor.Event, out actor.Output) {
	for _, m := range out.Messages {
		to, ok := r.inbox[m.Dest]
		if !ok {
			to = r.client
		}
		select {
		case to <- m:
		case <-r.quit:
			return
		}
	}
}

// mailbox owns one node's queue. It takes what is posted and offers the
// head of the queue to the node's pump in one select, so it never waits on
// the node: a nil channel (an empty queue) is a case that never fires.
func (r *router) mailbox(in <-chan messages.Message, feed chan<- messages.Message) {
	defer func() { r.exited <- struct{}{} }()
	var queue []messages.Message
	for {
		var out chan<- messages.Message
		var head messages.Message
		if len(queue) > 0 {
			out, head = feed, queue[0]
		}
		select {
		case m := <-in:
			queue = append(queue, m)
		case out <- head:
			queue = queue[1:]
		case <-r.quit:
			return
		}
	}
}

// pump is the one goroutine that waits on a node's Loop.
func (r *router) pump(loop *actor.Loop, feed <-chan messages.Message) {
	defer func() { r.exited <- struct{}{} }()
	for {
		select {
		case m := <-feed:
			if !loop.Push(actor.Received{Msg: m}) {
				return
			}
		case <-r.quit:
			return
		}
	}
}

// ask plays the client: it sends body to node and waits for the reply.
func (r *router) ask(node string, body messages.Body) messages.Message {
	r.inbox[node] <- messages.Message{Src: "c1", Dest: node, Body: body}
	return <-r.client
}

// stop ends everything it started: the handlers, mailboxes and pumps see
// quit, then every Loop stops, then stop waits for the mailboxes and pumps.
func (r *router) stop() {
	close(r.quit)
	for _, l := range r.loops {
		l.Stop()
	}
	for range 2 * len(r.loops) {
		<-r.exited
	}
}
