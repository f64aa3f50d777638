package actor

import (
	"fmt"

	"rumor/messages"
)

// A paused node (SIGSTOP, then SIGCONT) finds, when it resumes, requests
// in its input that were sent before it stopped. Pauses usually outlast
// Maelstrom's 5 s client timeout, so many of those clients have given up;
// a broadcast client that gave up has been closed, and a reply to a closed
// client is an unknown destination, after which Maelstrom never reads the
// node's stdout again (eddy/docs/SEMANTICS.md §1.6, §10.8, §12.9).
// Everything the node holds alone would be stuck on it.
//
// The shell tells the node it was stopped (Resumed, stepped after the
// ticks it slept through and before anything it reads next). The node then
// sends itself a fence and answers no client request until the fence comes
// back. Maelstrom delivers each node's messages in order of their due time
// and client requests are due the moment they are sent, while the fence is
// due a hop after it was sent (§4.2), so every request sent before the node
// resumed arrives before the fence: those are exactly the requests whose
// clients may be gone. A broadcast read behind the fence is still accepted,
// written and routed, only not answered; its client counts it as
// indefinite, which is the truth. Requests sent after the resume and read
// before the fence go unanswered too and time out, which costs availability
// for a hop, never correctness. Init and topology are always answered:
// their clients are never closed early. The fence is resent every
// retransmission timeout until it is back, and a later pause starts a new
// one. Config.NoPauseFence turns the guard off, to show what it prevents.

// fence is the pause guard's state.
type fence struct {
	up         bool   // a fence is out: client requests go unanswered
	seq        uint64 // the fence out, or the last one
	sentAt     int64
	unanswered int   // requests left unanswered behind this fence
	resumedAt  int64 // tick of the last resume; see rttEstimator.echoed
}

// resumed reacts to a pause: put up a new fence.
func (n *Node) resumed(out *Output) {
	if n.self == "" {
		return
	}
	n.fence.resumedAt = n.now
	if n.cfg.NoPauseFence {
		out.note("resumed after a pause; answering every request (the pause guard is off)")
		return
	}
	n.fence = fence{up: true, seq: n.fence.seq + 1, resumedAt: n.now}
	n.sendFence(out)
	out.note(fmt.Sprintf("resumed after a pause: answering no client request until fence %d comes back", n.fence.seq))
}

func (n *Node) sendFence(out *Output) {
	n.fence.sentAt = n.now
	out.send(messages.Message{Src: n.self, Dest: n.self, Body: messages.Fence{Seq: n.fence.seq}})
}

// refence resends a fence that has not come back for a retransmission
// timeout: Maelstrom never loses a node's message to itself, but a harness
// that drops messages might.
func (n *Node) refence(out *Output) {
	if n.fence.up && n.now >= n.fenceWake() {
		n.sendFence(out)
	}
}

// fenceWake is when refence would act.
func (n *Node) fenceWake() int64 {
	if !n.fence.up {
		return none
	}
	return n.fence.sentAt + n.cfg.RetransmitTicks
}

func (n *Node) onFence(m messages.Message, f messages.Fence, out *Output) {
	if m.Src != n.self || n.self == "" {
		out.problem(fmt.Sprintf("ignoring a fence from %s: a node fences only itself", m.Src))
		return
	}
	if !n.fence.up || f.Seq != n.fence.seq {
		return // an earlier fence, or a copy of this one
	}
	n.fence.up = false
	out.note(fmt.Sprintf("fence %d is back: left %d client requests unanswered (read after the pause, their clients may have given up)",
		f.Seq, n.fence.unanswered))
}

// answer sends a reply to a client, unless a fence is up and the request is
// one the fence holds back (gated): then it only counts it.
func (n *Node) answer(reply messages.Message, gated bool, out *Output) {
	if gated && n.fence.up {
		n.fence.unanswered++
		return
	}
	out.send(reply)
}
