package actor

import "fmt"

// A link's outbound side is in one of four states, as a raft leader's view
// of a follower is (etcd's tracker.Progress), each entered by its become…
// method, which resets what the state keeps:
//
//   - replicate: the normal state. The link streams the values it owes the
//     peer as they come (at once or at the batch interval, plan.go), and
//     the peer keeps acknowledging.
//   - suspect: the peer has left values unacknowledged for one timeout
//     (RTO, config.go). Everything unacknowledged went again, asking for an
//     answer at once, and goes again once per timeout; new values wait for
//     an answer (progress) or the stall's resend, so a cut costs a message
//     per timeout, not per value.
//   - stalled: two more timeouts passed without progress (suspectRTOs),
//     and the latest resend has gone unanswered for a whole timeout: the
//     peer is most likely cut off. The link resends only on its retry
//     schedule, backing off up to MaxRetransmitTicks (M); new values wait
//     for the resends, so a partition costs a few messages, not a batch per
//     interval. A stalled link that no longer carries values (a leaf's link
//     to a former parent or to a peer it sought: strategy.carries) retries
//     once per spareRetryFactor·M only, since what it holds went elsewhere.
//   - probe: the peer has not confirmed this run of the node (a restart).
//     The link sends nothing but probes, one at once and then one per
//     timeout with the same backoff; the values it owes wait.
//
//	          RTO, no progress           two more timeouts
//	replicate ----------------> suspect ----------------> stalled --+
//	    ^  ^                       |                         |    ^   | retry (backoff; at once on a kick)
//	    |  +---- progress ---------+                         |    +---+
//	    +------------------------------- progress ------------+
//	    +------------ confirmed ------------ probe <-- a restart (any state)
//
// Any acknowledgement of something new is progress, and any message naming
// this run (to_inc) confirms it. A strategy sees a link's health (healthy,
// doubtful or dead: replicate, suspect, stalled; a probe by how many went
// unanswered) and is told each time it changes, which is how a star node
// notices that its hub no longer answers (tree_news.go).
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
// the probe through, with no client traffic at all.
//
// A probe is sent at init_ok, not later: a restart's peers are all
// registered with Maelstrom already, while on a fresh start a node must
// send nothing to a peer before every node has answered init (a message to
// a node Maelstrom has not registered yet is an unknown destination, after
// which it never reads the sender's stdout again; eddy/docs/SEMANTICS.md
// §1.6, §1.8). A fresh start probes nothing.

// linkState is a link's outbound state.
type linkState int

const (
	stateReplicate linkState = iota
	stateSuspect
	stateStalled
	stateProbe
)

func (s linkState) String() string {
	return [...]string{"replicate", "suspect", "stalled", "probe"}[s]
}

// health is what a strategy sees of a link's outbound state.
type health int

const (
	healthy  health = iota
	doubtful        // one timeout without an answer
	dead            // two or more
)

func (h health) String() string { return [...]string{"healthy", "doubtful", "dead"}[h] }

// outbound is the state of a link's outbound side and its timers.
type outbound struct {
	state linkState
	since int64 // tick the state was entered
	// retries counts the timeouts since the peer last made progress: 1 in
	// suspect, 2 and up in stalled, the unanswered probes in probe.
	retries  int
	lastSend int64 // tick of the last gossip or probe
	// waitFrom is when the peer began to owe an answer: the first send
	// after the queue was last fully acknowledged, or the last progress
	// since; never when nothing sent is unacknowledged.
	waitFrom int64
	resend   bool  // a resend is due at once (the state changed, or a kick)
	asked    bool  // the last gossip asked the peer to answer at once
	kicked   bool  // retried early on a sign of a heal since the peer last made progress
	kickedAt int64 // tick of the last early retry, when kicked
	// keepBy is when the next message on the link is due, as the last
	// one promised the peer (Gossip.More, Ack.More); never when it
	// promised nothing.
	keepBy int64
}

// promise records what a message sent at now promised: the next within
// ticks, or nothing (0). Any message keeps the promise before it.
func (o *outbound) promise(now, ticks int64) {
	o.keepBy = never
	if ticks > 0 {
		o.keepBy = now + ticks
	}
}

func (o *outbound) health() health {
	switch {
	case o.state == stateSuspect, o.state == stateProbe && o.retries == 1:
		return doubtful
	case o.state == stateStalled, o.state == stateProbe && o.retries > 1:
		return dead
	}
	return healthy
}

// sentAt records a send.
func (o *outbound) sentAt(now int64) {
	o.lastSend = now
	o.resend = false
}

// becomeReplicate streams again: the peer made progress, or confirmed
// this run. Whatever waited goes at once.
func (o *outbound) becomeReplicate(now int64) {
	o.state, o.since, o.retries, o.kicked = stateReplicate, now, 0, false
}

// becomeSuspect resends everything unacknowledged at once, asking for an
// answer.
func (o *outbound) becomeSuspect(now int64) {
	o.state, o.since, o.retries, o.resend = stateSuspect, now, 1, true
}

// becomeStalled resends everything unacknowledged at once, and from then
// on only on the retry schedule.
func (o *outbound) becomeStalled(now int64) {
	o.state, o.since, o.retries, o.resend = stateStalled, now, 2, true
}

// becomeProbe starts probing: the first probe goes at once.
func (o *outbound) becomeProbe(now int64) {
	o.state, o.since, o.retries, o.kicked = stateProbe, now, 0, false
	o.lastSend, o.resend = never, false
}

// kick makes a doubtful or dead link's resend due at once, and restarts a
// stalled link's backoff: the peer has shown it is reachable again. It
// records when, so that the next sign of a heal kicks the link again only
// a timeout later.
func (o *outbound) kick(now int64) {
	o.kicked, o.kickedAt, o.resend = true, now, true
	if o.state == stateStalled {
		o.retries = 2
	}
}

// reprobe makes the next probe go at once, without counting the last as
// unanswered: the peer has shown it is up.
func (o *outbound) reprobe() {
	o.lastSend, o.kicked = never, true
}

// rto is the link's timeout: its round-trip allowance plus the longest
// the peer may honestly sit on its answer (asked says the peer was asked
// to answer at once; see Config).
func (n *Node) rto(l *link, asked bool) int64 {
	delay := n.cfg.AckTicks
	if asked {
		delay = n.batch
	}
	return n.roundTrip(l) + delay
}

// retryGap is how long a stalled link waits between resends, or a probing
// link between probes: the timeout of a resend, doubled for each retry
// beyond the first, up to the cap; a stalled link's first retry also waits
// its phase.
func (n *Node) retryGap(l *link) int64 {
	k := l.out.retries
	if l.out.state == stateStalled {
		k-- // the stall's own resend was the first
	}
	gap := backoff(n.rto(l, true), k, n.cfg.MaxRetransmitTicks)
	capTicks := n.cfg.MaxRetransmitTicks
	if n.strategy.hub(n) == n.self {
		capTicks = n.hubRetryCap(l)
	}
	gap = min(gap, capTicks)
	if l.out.state == stateStalled && l.out.retries == 2 && !l.out.kicked {
		gap += l.phase % capTicks
	}
	return gap
}

// backoff is timeout doubled k times, or fewer once it reaches limit:
// a stalled link's retries, a probe's and a hello's back off alike. The
// caller caps the result.
func backoff(timeout int64, k int, limit int64) int64 {
	for range max(k, 0) {
		if timeout >= limit {
			break
		}
		timeout *= 2
	}
	return timeout
}

// retrying counts the node's links on the retry schedule: probing ones,
// and stalled ones that still carry values to their peer.
func (n *Node) retrying() int {
	count := 0
	for _, l := range n.active {
		switch {
		case l.out.state == stateProbe,
			l.out.state == stateStalled && len(l.unacked) > 0 && n.strategy.carries(n, l.peer):
			count++
		}
	}
	return count
}

// setState moves l to state s (by its become… method) and tells the
// strategy if the link's health changed.
func (n *Node) setState(l *link, s linkState) {
	was := l.out.health()
	switch s {
	case stateReplicate:
		l.out.becomeReplicate(n.now)
	case stateSuspect:
		l.out.becomeSuspect(n.now)
	case stateStalled:
		l.out.becomeStalled(n.now)
	case stateProbe:
		l.out.becomeProbe(n.now)
	}
	n.activate(l)
	if now := l.out.health(); now != was {
		n.strategy.changed(n, l, was, now)
	}
}

// progressed reacts to the peer acknowledging something new: a doubtful
// or dead link streams again.
func (n *Node) progressed(l *link) {
	l.out.waitFrom = never
	if l.sent > 0 {
		l.out.waitFrom = n.now // the clock restarts on progress, as TCP's does
	}
	if l.out.state == stateSuspect || l.out.state == stateStalled {
		n.setState(l, stateReplicate)
		return
	}
	l.out.retries, l.out.kicked = 0, false
}

// rejoin is a restart's first step after its log is back: route every
// recovered value again and probe the links the node's own values travel.
// Without an incarnation there is no way to be confirmed, so nothing is
// probed and the values go as they are.
func (n *Node) rejoin(out *Output) {
	recovered := n.store.all()
	for _, v := range recovered {
		n.strategy.route(n, v, "")
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
	if l.out.state == stateProbe || l.confirmed {
		return
	}
	n.setState(l, stateProbe)
}

// confirm reacts to a message from l's peer that names this run: the
// probe, if any, is answered, and the link streams again.
func (n *Node) confirm(l *link) {
	l.confirmed = true
	n.catchingUp = false
	if l.out.state == stateProbe {
		n.setState(l, stateReplicate)
	}
}

// sendProbe sends l's next probe: the first at once, then one per retry
// gap, each unanswered one counting as a timeout.
func (n *Node) sendProbe(l *link, out *Output) {
	if l.out.lastSend != never {
		was := l.out.health()
		l.out.retries++
		if now := l.out.health(); now != was {
			defer n.strategy.changed(n, l, was, now)
		}
	}
	l.probe(n.now, n.self, n.strategy.path(n, l.peer), out)
}
