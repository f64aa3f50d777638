package actor

import (
	"fmt"

	"rumor/messages"
)

// A link's outbound side is in one of two states, as a raft leader's view
// of a follower is (etcd's tracker.Progress):
//
//   - replicate: the normal state. The link streams the values it owes the
//     peer (gossip batches, resends, see flush.go).
//   - probe: the peer has not confirmed this run of the node. The link sends
//     nothing but probes, one at once and then one per retransmission
//     timeout with the usual backoff; the values it owes wait. Any message
//     from the peer whose to_inc names this run confirms it, and the link
//     becomes replicate and sends what waited at once.
//
// Only a restart puts links into probe. A node restarted within its test
// (recovery.go) has its log back but lost its streams: the values it had
// acknowledged and not yet passed on, and whatever its peers sent while it
// was down. So it rejoins: every recovered value is routed again as if its
// own clients had just sent it (a peer that has it already drops the copy),
// and the links its own values travel (its hub, for star; every peer it
// routes to, for the others) probe. A peer that receives a probe starts its
// stream to the node over with everything it holds (restart.go) and
// answers at once. Probing is retried until answered, so a restarted node
// catches up a round trip after its init_ok, or after the heal that lets
// the probe through, with no client traffic at all: the one announcement
// this replaces was sent once, and a partition could drop it.
//
// A probe is sent at init_ok, not later: a restart's peers are all
// registered with Maelstrom already, while on a fresh start a node must
// send nothing to a peer before every node has answered init (a message to
// a node Maelstrom has not registered yet is an unknown destination, after
// which it never reads the sender's stdout again; eddy/docs/SEMANTICS.md
// §1.6, §1.8). A fresh start probes nothing.
//
// A star node whose hub leaves a probe unanswered fails over as it would
// from a hub that sits on its values (hub.go); while no peer has confirmed
// this run, the new hub is probed too.

// linkState is a link's outbound state.
type linkState int

const (
	stateReplicate linkState = iota
	stateProbe
)

func (s linkState) String() string {
	if s == stateProbe {
		return "probe"
	}
	return "replicate"
}

// becomeProbe starts probing: the first probe goes at once.
func (l *link) becomeProbe(now int64) {
	l.state = stateProbe
	l.probeSince = now
	l.retries = 0
	l.kicked = false
	l.lastGossip = never
}

// becomeReplicate starts streaming: the peer has confirmed this run, which
// is progress, and whatever waited goes at once.
func (l *link) becomeReplicate(now int64) {
	l.state = stateReplicate
	l.retries = 0
	l.kicked = false
	l.lastGossip = never
	l.progressAt = now
}

// probe sends one probe, counting a retry after the first.
func (l *link) probe(now int64, self string, out *Output) {
	if l.lastGossip != never {
		l.retries++
	}
	l.lastGossip = now
	out.send(messages.Message{Src: self, Dest: l.peer, Body: messages.Probe{Incarnations: l.incs}})
}

// rejoin is a restart's first step after its log is back: route every
// recovered value again and probe the links the node's own values travel.
// Without an incarnation there is no way to be confirmed, so nothing is
// probed and the values go as they are.
func (n *Node) rejoin(out *Output) {
	recovered := n.store.all()
	for _, v := range recovered {
		n.strategy.route(n, v, "", false)
	}
	if n.cfg.Incarnation == 0 {
		out.note(fmt.Sprintf("restarted; the log held %d values; no incarnation to announce", len(recovered)))
		return
	}
	n.catchingUp = true
	targets := n.strategy.targets(n)
	for _, p := range targets {
		n.startProbe(n.links[p])
	}
	out.note(fmt.Sprintf("restarted; the log held %d values; probing %v", len(recovered), targets))
}

// startProbe puts l in the probe state, unless the peer already confirmed
// this run.
func (n *Node) startProbe(l *link) {
	if l.state == stateProbe || l.confirmed {
		return
	}
	l.becomeProbe(n.now)
	n.activate(l)
}

// confirm reacts to a message from l's peer that names this run: the
// probe, if any, is answered, and the link streams again. A confirmation
// proves the peer hears this node, which is what a star node waits for
// before it trusts a failed hub again.
func (n *Node) confirm(l *link) {
	l.confirmed = true
	n.catchingUp = false
	if l.state != stateProbe {
		return
	}
	l.becomeReplicate(n.now)
	n.activate(l)
	n.strategy.progressed(n, l)
}
