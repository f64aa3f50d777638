package actor

import (
	"hash/fnv"
	"slices"

	"rumor/messages"
)

// never is a tick long before any real one, so "ticks since never" is always
// larger than any interval.
const never = -1 << 40

// link is everything a node knows about one peer, whatever the strategy:
// the stream of values it owes the peer (its outbound side, whose state is
// progress.go's), how far it has got in the peer's stream to it (its ack
// side, acks.go), and the round trip it has measured (rtt.go).
type link struct {
	peer string

	// Outbound. unacked[i] has sequence number acked+1+i; the first sent
	// of them have gone out at least once.
	out       outbound
	unacked   []messages.Value
	acked     uint64
	sent      int
	urgentTo  uint64 // values up to this sequence number go out without waiting for the batch interval
	sentRoute uint64 // the node's routed count at this link's last gossip; see hold.go
	// askNow has every gossip on the link ask the peer to acknowledge at
	// once (as soon as it has passed the values on) rather than lazily:
	// set on the link to the node's parent, whose silence must show soon.
	askNow bool
	// askNext has the next gossip on the link ask for an answer at once:
	// set on the links a node seeks a new way to its hub on (tree_seek.go).
	askNext bool
	// late has the next gossip on the link say its values are late
	// (Gossip.Late), for its peer to pass them on at once: set when values
	// that came across a healing cut, or from off the tree, are queued on
	// it (tree.route).
	late bool
	// hello has the next acknowledgement on the link ask the peer to
	// answer at once (Ack.Now): a link suspect for its silence (plan.go,
	// actHello), or a node checking its parent (tree.checkParent).
	hello bool
	// ackPromise, when not 0, has the next acknowledgement on the link
	// promise the peer the next message within that many ticks (Ack.More):
	// a hub's greeting at topology (tree.offered).
	ackPromise int64
	// question has the next acknowledgement on the link ask the peer for
	// a newer way to this node's hub (Ack.Ask): a seek's query round
	// (tree.seek). carried are the values it hands the peer with the
	// question (Ack.Values), outside any stream.
	question bool
	carried  []messages.Value
	rtt      rttEstimator

	// Inbound.
	in        inbound
	lastHeard int64 // tick the peer's last message arrived
	// expectBy is when the node's parent owes it its next message: the
	// parent promised one (Gossip.More, Ack.More; by the parent's clock,
	// lag.go), or owes its greeting at topology (tree.offered) or the
	// answer to a hello (tree.checkParent). Any message from the peer clears it;
	// silence past it makes the link suspect (plan.go, actQuiet). never
	// when nothing is expected.
	expectBy int64

	listed bool  // on the node's active list
	phase  int64 // extra ticks before a stalled link's first retry; see linkPhase
	// confirmed says the peer has named this run of the node (to_inc) in
	// a message; see progress.go.
	confirmed bool

	// incs names the two streams: this node's incarnation and the peer's as
	// last heard (0 until then). See restart.go.
	incs messages.Incarnations
}

func newLink(peer string, phase int64, inc uint64) *link {
	l := &link{peer: peer, phase: phase, incs: messages.Incarnations{Inc: inc}, lastHeard: never, expectBy: never}
	l.out = outbound{lastSend: never, waitFrom: never, keepBy: never}
	l.in = inbound{owedSince: never, dueAt: never}
	return l
}

// linkPhase spreads the first retries of one node's stalled links, and of
// different nodes' links to one peer, over the retry cap: a fixed hash of
// the two ends, so the core stays deterministic. Links that a partition
// cuts at the same moment would otherwise retry in lockstep for as long as
// it lasts, and after the heal the first retry to cross, which is what
// tells both sides the network is back (see heard), would come no sooner
// than the next common retry.
func linkPhase(self, peer string, cap int64) int64 {
	h := fnv.New32a()
	h.Write([]byte(self))
	h.Write([]byte{0})
	h.Write([]byte(peer))
	return int64(h.Sum32() % uint32(cap))
}

// enqueue adds values the peer should get.
func (l *link) enqueue(vs ...messages.Value) { l.unacked = append(l.unacked, vs...) }

// idle reports whether the link has nothing pending in either direction.
func (l *link) idle() bool {
	return len(l.unacked) == 0 && l.in.owedSince == never && l.out.state == stateReplicate &&
		l.expectBy == never && l.out.keepBy == never
}

// markUrgent has everything queued so far sent at once rather than after
// the batch interval.
func (l *link) markUrgent() { l.urgentTo = l.acked + uint64(len(l.unacked)) }

// urgentUnsent reports whether an urgent value has never been sent: the
// only case worth skipping the batch interval for.
func (l *link) urgentUnsent() bool { return l.urgentTo > l.acked+uint64(l.sent) }

// hasUnsent reports whether some queued value has never been sent.
func (l *link) hasUnsent() bool { return l.sent < len(l.unacked) }

// dropAcked drops every value the peer has confirmed, up to upTo, and
// reports whether the ack was within what was sent; an ack of values never
// sent, which only a confused or lying peer produces, is cut to them.
func (l *link) dropAcked(upTo uint64) (valid bool) {
	valid = upTo <= l.acked+uint64(l.sent)
	if !valid {
		upTo = l.acked + uint64(l.sent)
	}
	n := int(upTo - l.acked)
	l.unacked = slices.Delete(l.unacked, 0, n)
	l.sent -= n
	l.acked = upTo
	return valid
}

// onGossip records that values seq… arrived and reports whether they joined
// the contiguous prefix. A sender resends everything unacknowledged, so a
// send starts at or before the next value we expect; but a large send goes
// out in several batches, and one may overtake another. Its values are kept
// but not acked until the gap is filled. Any batch, even one with nothing
// new, earns an ack: a resend means our last ack was lost, and without
// another the peer would resend forever.
func (l *link) onGossip(now int64, seq uint64, count int, stamp uint64, lazy int64) bool {
	if count == 0 {
		return true
	}
	if seq > l.received()+1 {
		return false
	}
	if end := seq + uint64(count) - 1; end > l.in.received {
		l.in.received, l.in.recvAt, l.in.recvTS = end, now, stamp
	}
	l.in.owe(now, lazy)
	return true
}

// received is the highest sequence number up to which every value of the
// peer's stream has arrived.
func (l *link) received() uint64 { return l.in.received }

// gossip sends every unacknowledged value, in as many batches as the
// bounds on one message need (see batchEnd), each with our ack
// piggybacked, and records them as sent (up to routed, the node's count of
// queued values). A resend (a timeout's, or a kick's) asks for an answer
// at once, as does every gossip on a link marked askNow. more, when not 0,
// promises the peer the next message within that many ticks (Gossip.More).
// A link marked late says so on each batch of this send (Gossip.Late).
func (l *link) gossip(now int64, self string, path []string, hubTS, routed uint64, resend bool, more int64, out *Output) {
	if l.sent == 0 {
		l.out.waitFrom = now // the peer owes an answer from now
	}
	l.sent = len(l.unacked)
	l.sentRoute = routed
	l.out.sentAt(now)
	l.out.promise(now, more)
	l.ackPromise = 0 // this gossip promises, or the link no longer streams
	ask := resend || l.askNow || l.askNext
	late := l.late
	l.askNext, l.late = false, false
	l.out.asked = ask
	ack, held, echo := l.in.take(now)
	for start := 0; start < len(l.unacked); {
		end := batchEnd(l.unacked, start)
		seq := l.acked + 1 + uint64(start)
		out.send(messages.Message{Src: self, Dest: l.peer, Body: messages.Gossip{
			Seq:          seq,
			Values:       slices.Clone(l.unacked[start:end]),
			Ack:          ack,
			Held:         uint64(held),
			Stamp:        stamp(now),
			Echo:         echo,
			Now:          ask,
			Late:         late,
			More:         uint64(more),
			Path:         path,
			HubTS:        hubTS,
			Incarnations: l.incs,
		}})
		start = end
	}
}

// ack builds a stand-alone acknowledgement. It keeps any promise made
// before it, and makes one only if ackPromise says so.
func (l *link) ack(now int64, self string, path []string, hubTS uint64) messages.Message {
	more := l.ackPromise
	l.ackPromise = 0
	l.out.promise(now, more)
	ack, held, echo := l.in.take(now)
	hello, question, carried := l.hello, l.question, l.carried
	l.hello, l.question, l.carried = false, false, nil
	return messages.Message{Src: self, Dest: l.peer, Body: messages.Ack{Ack: ack, Held: uint64(held), Echo: echo, Now: hello, More: uint64(more), Ask: question, Values: carried, Path: path, HubTS: hubTS, Incarnations: l.incs}}
}

// probe sends one probe.
func (l *link) probe(now int64, self string, path []string, out *Output) {
	l.out.sentAt(now)
	l.out.promise(now, 0)
	out.send(messages.Message{Src: self, Dest: l.peer, Body: messages.Probe{Path: path, Incarnations: l.incs}})
}
