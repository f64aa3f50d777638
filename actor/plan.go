package actor

import (
	"math"
	"slices"
	"strings"

	"rumor/messages"
)

// suspectRTOs is how many timeouts a suspect link waits, after its first
// resend, before it stalls: two, so that a stall (for a star node's
// parent, the failover) takes three timeouts in all, the first send's and
// one for each resend (plan resends once between). With one, an honest
// peer behind a network with a long tail (exponential latency) was taken for dead about once per thousand values
// sent; with two, the chance is that squared. A doubtful parent costs no
// latency meanwhile: the node seeks another way from the first timeout on
// (tree_seek.go).
const suspectRTOs = 2

// spareRetryFactor is how many retry caps (M) a stalled link that carries
// no values now waits between retries (strategy.carries): what it holds
// went to the links that do, so its retries matter only to drain it after
// the heal, which a sign of the heal (heal.go) usually does at once.
const spareRetryFactor = 4

// none is the time of something that needs no tick at all.
const none = math.MaxInt64

// action is what a link does next; see plan.
type action int

// The actions, in the order plan prefers them when two fall due together.
const (
	actNone    action = iota
	actSuspect        // replicate → suspect, which resends
	actQuiet          // replicate → suspect: the parent promised a message and sent none
	actStall          // suspect → stalled, which resends
	actProbe          // the next probe (an unanswered one counts as a timeout)
	actResend         // everything unacknowledged again: a state change's or a kick's resend, or a stalled link's retry
	actSend           // new values, at once or at the batch interval
	actAck            // an acknowledgement on its own
	actKeep           // an acknowledgement that keeps a promise (Gossip.More) when no values follow
	actHello          // an acknowledgement asking for an answer (Ack.Now): a link suspect for its silence
)

// timeout reports whether a is one of the actions flush takes before any
// link sends: those that change a link's health, to which the strategy
// may answer by routing values elsewhere in the same flush.
func (a action) timeout() bool {
	return a == actSuspect || a == actQuiet || a == actStall || a == actProbe
}

// sends reports whether a sends the link's values.
func (a action) sends() bool { return a == actResend || a == actSend }

// plan decides what link l does next and when: the one place a link's
// timers live. flush does what plan says is due now; nextTick asks plan
// when each link is next due, so the tick the node asks for and the tick
// at which it acts can never disagree.
//
// At most one send per link per step: new values go at once when they are
// urgent (a node's own values, and a star node's values on their way to
// its hub) and otherwise once the link has been quiet for a batch interval
// (or with the batch of any other link, so a node's links keep one
// rhythm: batchDue); a timeout moves the link to suspect or stalled and
// resends everything unacknowledged; a stalled link sends only its retries;
// a probing link sends only probes; failing all that, an acknowledgement
// owed goes on its own once it is due (acks.go).
func (n *Node) plan(l *link) (act action, at int64) {
	act, at = actNone, none
	consider := func(a action, t int64) {
		if a.timeout() {
			t = n.judgeAt(t) // not while a late wake's input is unread; see wake.go
		}
		t = max(t, n.now) // among actions due now, the order above decides
		if t < at || t == at && a < act {
			act, at = a, t
		}
	}
	o := &l.out
	switch o.state {
	case stateProbe:
		if o.lastSend == never {
			consider(actProbe, n.now)
		} else {
			consider(actProbe, o.lastSend+n.retryGap(l))
		}
	case stateReplicate:
		if l.sent > 0 {
			consider(actSuspect, o.waitFrom+n.rto(l, l.out.asked))
		}
		if l.expectBy != never {
			consider(actQuiet, l.expectBy)
		}
	case stateSuspect:
		// Silence alone never stalls a link (actQuiet): it makes the node
		// seek another way (tree_seek.go), and only the node's own values
		// going unanswered make it give up on the peer, two timeouts after
		// the first of them went.
		if l.sent > 0 {
			// A link stalls (for a star node's parent, the failover) only
			// once its latest resend has gone unanswered for a whole
			// timeout: everything goes again one timeout after the
			// suspect's resend, and a sign of a heal (heal.go) resends at
			// once and so puts the stall off. With the stall counted from
			// the suspect's resend alone, a node whose cut healed after
			// that resend failed over from a hub it could hear again, in
			// the tick before the hub's retry reached it (--latency 200,
			// a cut of 1.2 s ended by the run's last heal).
			timeout := n.rto(l, true)
			consider(actStall, max(max(o.since, o.waitFrom)+suspectRTOs*timeout, o.lastSend+timeout))
			consider(actResend, o.lastSend+timeout)
		} else {
			// Suspect for its silence alone: ask the peer to answer, at
			// once and then after a timeout, doubling up to M, so that a
			// peer that was only idle (or paused) is heard again, and a
			// heal is noticed. Once per M from the first, a hello whose
			// answer was lost left the link suspect, and the node seeking,
			// for M more (the simulator's silence check caught a leaf
			// still saying hello to its hub long after the run went quiet).
			consider(actHello, o.lastSend+n.helloGap(l))
		}
	case stateStalled:
		if len(l.unacked) > 0 {
			gap := n.retryGap(l)
			if !n.strategy.carries(n, l.peer) {
				gap = spareRetryFactor * n.cfg.MaxRetransmitTicks
			}
			consider(actResend, o.lastSend+gap)
		}
	}
	if o.resend && o.state != stateProbe && len(l.unacked) > 0 {
		consider(actResend, n.now)
	}
	if l.streams() && l.hasUnsent() {
		if l.urgentUnsent() || n.batching {
			consider(actSend, n.now)
		} else {
			consider(actSend, o.lastSend+n.batchGap(l))
		}
	}
	if due := n.ackDue(l); due != none {
		consider(actAck, due)
	}
	if o.keepBy != never && l.streams() && !l.hasUnsent() {
		consider(actKeep, o.keepBy)
	}
	return act, at
}

// helloGap is how long a link suspect for its silence waits after a hello
// before the next: a timeout of a send that asked for an answer, doubled
// for each hello after the first (retries counts them from the suspect's
// 1), up to M.
func (n *Node) helloGap(l *link) int64 {
	return min(backoff(n.rto(l, true), l.out.retries-2, n.cfg.MaxRetransmitTicks), n.cfg.MaxRetransmitTicks)
}

// streams reports whether l sends new values as they come: only while it
// replicates. A suspect link has just resent everything, asking for an
// answer at once; until the answer comes (progress, and it streams again)
// or the stall's resend, new values wait in its queue. Under a partition
// that is most of the saving: a cut-off parent or child used to get a
// message per value, or per batch, for two timeouts, every one dropped.
func (l *link) streams() bool {
	return l.out.state == stateReplicate
}

// flush does whatever is due on every active link (no other link can have
// anything due), in sorted peer order so the output is deterministic:
// first the timeouts, to which the strategy may answer by queueing values
// on other links (a failover), then the sends, then the pause guard's
// fence if it is due again.
func (n *Node) flush(out *Output) {
	n.strategy.tick(n)
	n.activeLinks()
	for i := 0; i < len(n.active); i++ { // the strategy may activate more
		l := n.active[i]
		if act, at := n.plan(l); at <= n.now && act.timeout() {
			n.timeout(l, act, out)
		}
	}
	links := n.activeLinks()
	n.batching = n.batchDue(links)
	n.releaseHolds(links)
	for _, l := range links {
		if l.out.state == stateProbe && l.out.lastSend == n.now {
			continue // it sent its probe above: one send per link per step
		}
		if act, at := n.plan(l); at <= n.now {
			n.do(l, act, out)
		}
	}
	n.batching = false
	n.prune()
	n.refence(out)
}

// timeout takes a timeout action.
func (n *Node) timeout(l *link, act action, out *Output) {
	switch act {
	case actSuspect:
		n.setState(l, stateSuspect)
	case actQuiet:
		l.expectBy = never
		n.setState(l, stateSuspect)
		l.out.lastSend = never // the first hello goes at once
	case actStall:
		n.setState(l, stateStalled)
	case actProbe:
		n.sendProbe(l, out)
	}
}

// do takes a sending action.
func (n *Node) do(l *link, act action, out *Output) {
	path, hubTS := n.strategy.path(n, l.peer), n.strategy.hubTS(n)
	switch act {
	case actResend:
		if l.out.state == stateStalled && !l.out.resend {
			l.out.retries++ // a retry on the schedule, which backs off
		}
		l.gossip(n.now, n.self, path, hubTS, n.routed, true, n.promises(l), out)
	case actSend:
		l.gossip(n.now, n.self, path, hubTS, n.routed, false, n.promises(l), out)
	case actAck:
		out.send(l.ack(n.now, n.self, path, hubTS))
	case actKeep:
		l.ackPromise = n.keepPromise(l)
		out.send(l.ack(n.now, n.self, path, hubTS))
	case actHello:
		l.hello = true
		l.out.lastSend = n.now
		l.out.retries++
		out.send(l.ack(n.now, n.self, path, hubTS))
	}
}

// promises is the promise the gossip l sends now makes its peer, in ticks
// (Gossip.More): every gossip a hub sends on a streaming link promises the
// next message within a batch interval; others promise nothing (0). Under
// load the next batch follows anyway, so the promise costs nothing; after
// the last batch of a burst it costs one acknowledgement per peer
// (actKeep), once. In exchange a
// leaf cut off from its hub notices within a batch interval of the first
// batch it misses, values of its own or not: with promises only from a
// hub already streaming, a leaf of a hub that fanned out one value after
// a lull, and was cut off just after, heard nothing for seconds (3c).
func (n *Node) promises(l *link) int64 {
	if n.strategy.hub(n) == n.self && l.streams() {
		return n.batch
	}
	return 0
}

// keepPromise is what a keep (actKeep) promises: nothing, except on a
// hub's link that has carried no batch yet, in the node's first M ticks.
// There the keep promises the next message within a batch interval, as a
// batch would, so that the greeting's promise (tree.offered) runs on until
// the first batch takes over: Maelstrom draws its first partition as the
// run starts, and a cut drawn just after the greeting's keep would
// otherwise show a leaf only when its own values went unanswered. An idle
// cluster's hub stops after M: at most M/B keeps per leaf.
func (n *Node) keepPromise(l *link) int64 {
	if n.strategy.hub(n) == n.self && l.out.lastSend == never && n.now < n.cfg.MaxRetransmitTicks {
		return n.batch
	}
	return 0
}

// batchDue reports whether some streaming link's batch interval has run
// out with new values waiting (a link starting over, which sends at once,
// does not count, nor does one with urgent values, which sends now
// anyway: a relay's link to its parent, carrying a child's value up at
// once, pulled the relay's batches to every other child along, a message
// to each for every value sent up). Then every streaming link with new
// values sends its batch in this flush, due or not: the links of a node
// batch in step, so a hub's fan-out of a relayed value and the gossip
// that carries its ack to the relaying node leave in one output
// (hold.go), and a link pulled out of step (by the first relay after a
// quiet spell, which every link but the relaying one sends at once) costs
// one early batch, once.
func (n *Node) batchDue(links []*link) bool {
	for _, l := range links {
		if l.streams() && l.hasUnsent() && !l.urgentUnsent() && l.out.lastSend != never && n.now-l.out.lastSend >= n.batchGap(l) {
			return true
		}
	}
	return false
}

// batchGap is the least gap between two batches of l's own: the batch
// interval B, and on a relay's link to a child (passesOn) B and a fifth
// more. There the parent's batches, passed on at once, come on the same
// rhythm B, and what the relay has for the child besides (its own
// clients' values, its other children's) rides on the next of them: with
// a gap of B, the relay's own batch fell due in the tick the parent's
// next batch arrived in, just before it, and every child got two
// messages per batch interval where one would do (a :majorities-ring on
// 3d + partition seed 12: a relay's four children got a message every
// 117 ms each, its own batch and then the parent's a few ms later). A
// parent's batch that is late by more than B/5 leaves the relay's own to
// go as before.
func (n *Node) batchGap(l *link) int64 {
	if n.strategy.passesOn(n, l.peer) {
		return n.batch + max(1, n.batch/5)
	}
	return n.batch
}

// nextTick returns how many ticks from now the next one that matters is,
// or zero when none does: the earliest time plan gives for any active
// link, or the fence's. Waking early costs a wasted step, waking late
// would be a bug, which the simulator checks on every tick of every run.
func (n *Node) nextTick() int64 {
	at := min(n.fenceWake(), n.strategy.wake(n))
	for _, l := range n.active {
		if _, t := n.plan(l); t < at {
			at = t
		}
	}
	if at == none {
		return 0
	}
	return max(at-n.now, 1)
}

// queue adds values to a link and marks it active.
func (n *Node) queue(l *link, vs ...messages.Value) {
	l.enqueue(vs...)
	n.routed += uint64(len(vs))
	n.activate(l)
}

// activate puts l on the list of links flush and nextTick look at. Only
// those links can have anything due, so an idle node's tick costs the same
// with ten peers or ten thousand; flush drops a link again once it owes
// nothing either way.
func (n *Node) activate(l *link) {
	if !l.listed {
		l.listed = true
		n.active = append(n.active, l)
		n.unsorted = true
	}
}

// activeLinks returns the active links in peer order, so output that
// follows it is deterministic.
func (n *Node) activeLinks() []*link {
	if n.unsorted {
		slices.SortFunc(n.active, func(a, b *link) int { return strings.Compare(a.peer, b.peer) })
		n.unsorted = false
	}
	return n.active
}

// prune drops the links that have nothing pending from the active list.
func (n *Node) prune() {
	n.active = slices.DeleteFunc(n.active, func(l *link) bool {
		if l.idle() {
			l.listed = false
			return true
		}
		return false
	})
}
