package actor

import (
	"hash/fnv"
	"slices"

	"rumor/messages"
)

// never is a tick long before any real one, so "ticks since never" is always
// larger than any interval.
const never = -1 << 40

// link is everything a node knows about one peer: the stream of values it
// owes the peer (outbound) and how far it has got in the peer's stream to it
// (inbound).
type link struct {
	peer string

	// Outbound. unacked[i] has sequence number acked+1+i; the first sent of
	// them have gone out at least once.
	state      linkState // probe or replicate; see progress.go
	probeSince int64     // tick the link entered the probe state
	confirmed  bool      // the peer has named this run of the node (to_inc) in a message
	unacked    []messages.Value
	acked      uint64
	sent       int
	lastGossip int64  // tick of the last gossip batch (or probe) to the peer
	retries    int    // retransmissions since the peer last made progress
	progressAt int64  // tick the peer last acknowledged something new, or the queue filled from empty
	relayTo    uint64 // values up to this sequence number are ours for the peer to fan out as our hub
	urgentTo   uint64 // values up to this sequence number go out without waiting for the batch interval
	sentRoute  uint64 // the node's routed count at this link's last gossip; see hold.go

	// Inbound. received is the highest sequence number such that every value
	// up to it has arrived; ackedTo is the highest we have told the peer.
	received  uint64
	ackedTo   uint64
	owedSince int64 // tick received first passed ackedTo; never when nothing is owed
	relaysVia bool  // the peer uses this node as its hub
	prompt    bool  // the ack owed is urgent: send it without waiting to piggyback
	lastHeard int64 // tick the peer's last message arrived
	returned  bool  // the peer's last gossip came after a silence (see heard)
	// holds are batches from the peer whose values this node has queued
	// for others and not yet sent on; the ack covers them only once it has
	// (hold.go). holdFloor is what may be acked meanwhile.
	holds     []hold
	holdFloor uint64

	listed bool  // on the node's active list
	phase  int64 // extra ticks before the first retry; see retransmitAfter
	kicked bool  // retried early on a sign of a heal since the peer last made progress

	// incs names the two streams: this node's incarnation and the peer's as
	// last heard (0 until then). See restart.go.
	incs messages.Incarnations
}

func newLink(peer string, phase int64, inc uint64) *link {
	return &link{peer: peer, lastGossip: never, owedSince: never, phase: phase, incs: messages.Incarnations{Inc: inc}}
}

// linkPhase spreads the first retries of one node's links, and of different
// nodes' links to one peer, over the retry cap, which is then the period of
// every retry after them: a fixed hash of
// the two ends, so the core stays deterministic. Links that a partition cuts
// at the same moment would otherwise retry in lockstep for as long as it
// lasts, and after the heal the first retry to cross, which is what tells
// both sides the network is back (see heard), would come no sooner than the
// next common retry.
func linkPhase(self, peer string, rto int64) int64 {
	h := fnv.New32a()
	h.Write([]byte(self))
	h.Write([]byte{0})
	h.Write([]byte(peer))
	return int64(h.Sum32() % uint32(rto))
}

// enqueue adds values the peer should get.
func (l *link) enqueue(now int64, vs ...messages.Value) {
	if len(l.unacked) == 0 {
		l.progressAt = now
	}
	l.unacked = append(l.unacked, vs...)
}

// idle reports whether the link has nothing pending in either direction.
func (l *link) idle() bool {
	return len(l.unacked) == 0 && l.owedSince == never && l.state == stateReplicate
}

// markRelay asks the peer to fan out everything queued so far, and sends
// it at once (see markUrgent). The mark travels with the values, not with
// the peer's current role, until the values are handed to another hub (see
// star.switchTo).
func (l *link) markRelay() {
	l.relayTo = l.acked + uint64(len(l.unacked))
	l.urgentTo = l.relayTo
}

// unmarkRelay withdraws the request to fan out what is queued, and its
// urgency.
func (l *link) unmarkRelay() { l.relayTo, l.urgentTo = l.acked, l.acked }

// markUrgent has everything queued so far sent at once rather than after
// the batch interval: a node's own client values, which wait nowhere, so
// that a value it acknowledged leaves it in the same output as the
// acknowledgement.
func (l *link) markUrgent() { l.urgentTo = l.acked + uint64(len(l.unacked)) }

// urgentUnsent reports whether an urgent value has never been sent: the
// only case worth skipping the batch interval for.
func (l *link) urgentUnsent() bool { return l.urgentTo > l.acked+uint64(l.sent) }

// hasUnsent reports whether some queued value has never been sent.
func (l *link) hasUnsent() bool { return l.sent < len(l.unacked) }

// onAck drops every value the peer has confirmed. It returns false for an ack
// of values never sent, which only a confused or lying peer produces.
func (l *link) onAck(now int64, upTo uint64) bool {
	if upTo <= l.acked {
		return true
	}
	valid := upTo <= l.acked+uint64(l.sent)
	if !valid {
		upTo = l.acked + uint64(l.sent)
	}
	n := int(upTo - l.acked)
	l.unacked = slices.Delete(l.unacked, 0, n)
	l.sent -= n
	l.acked = upTo
	l.retries = 0
	l.kicked = false
	l.progressAt = now
	return valid
}

// onGossip records that values seq… arrived and reports whether they joined
// the contiguous prefix. A sender resends everything unacknowledged, so a
// send starts at or before the next value we expect; but a large send goes
// out in several batches, and one may overtake another. Its values are kept
// but not acked until the gap is filled. Any batch, even one with nothing
// new, earns an ack: a resend means our last ack was lost, and without
// another the peer would resend forever.
func (l *link) onGossip(now int64, seq uint64, count int) bool {
	if count == 0 {
		return true
	}
	if seq > l.received+1 {
		return false
	}
	l.received = max(l.received, seq+uint64(count)-1)
	if l.owedSince == never {
		l.owedSince = now
	}
	return true
}

// gossip sends every unacknowledged value, in as many batches as the
// bounds on one message need (see batchEnd), each with our ack piggybacked,
// and records them as sent (up to routed, the node's count of queued
// values); a retry also lengthens the next retransmission timeout. A batch
// asks for the fan-out when it holds a value marked for it.
func (l *link) gossip(now int64, self string, routed uint64, retry bool, out *Output) {
	if retry {
		l.retries++
	}
	l.sent = len(l.unacked)
	l.sentRoute = routed
	l.lastGossip = now
	ack := l.takeAck()
	for start := 0; start < len(l.unacked); {
		end := batchEnd(l.unacked, start)
		seq := l.acked + 1 + uint64(start)
		out.send(messages.Message{Src: self, Dest: l.peer, Body: messages.Gossip{
			Seq:          seq,
			Values:       slices.Clone(l.unacked[start:end]),
			Ack:          ack,
			Relay:        seq <= l.relayTo,
			Incarnations: l.incs,
		}})
		start = end
	}
}

// ack builds a stand-alone acknowledgement.
func (l *link) ack(self string) messages.Message {
	return messages.Message{Src: self, Dest: l.peer, Body: messages.Ack{Ack: l.takeAck(), Incarnations: l.incs}}
}

// takeAck returns the acknowledgement to send now: everything received,
// less what is held (hold.go). The debt is settled only when all of it
// goes.
func (l *link) takeAck() uint64 {
	ack := l.ackable()
	l.ackedTo = ack
	if ack == l.received {
		l.owedSince = never
		l.prompt = false
	}
	return ack
}

// retransmitAfter is the current retransmission timeout: it doubles with each
// retry that made no progress, so a peer cut off by a partition costs a few
// messages, not one per tick.
func (l *link) retransmitAfter(cfg Config) int64 {
	if l.retries == 0 {
		return cfg.RetransmitTicks + l.phase
	}
	rto := cfg.RetransmitTicks
	for i := 0; i < l.retries && rto < cfg.MaxRetransmitTicks; i++ {
		rto *= 2
	}
	return min(rto, cfg.MaxRetransmitTicks)
}

// kick makes a retry due at once and restarts the backoff: the peer has
// shown it is reachable again.
func (l *link) kick() {
	l.kicked = true
	l.retries = 0
	l.lastGossip = never
}

// stalled reports whether the peer has sat on our values, or left our
// probe unanswered, for longer than a retransmission timeout: a partition,
// most likely. A stalled link gets new values only with its retries.
func (l *link) stalled(now int64, cfg Config) bool {
	if l.state == stateProbe {
		return now-l.probeSince >= stallTicks*cfg.RetransmitTicks
	}
	return l.sent > 0 && now-l.progressAt >= stallTicks*cfg.RetransmitTicks
}

// live reports whether the link streams values now: it is replicating and
// not stalled.
func (l *link) live(now int64, cfg Config) bool {
	return l.state == stateReplicate && !l.stalled(now, cfg)
}

// stallTicks is how many retransmission timeouts a peer may go without
// acknowledging anything new before its link counts as stalled. A peer that
// receives a batch every BatchTicks acks it within AckTicks, so progress
// comes at least every AckTicks plus a batch interval and a round trip;
// two timeouts leave room for that with the default AckTicks of 0.9 s, which
// is what lets a node fed by a hub send one ack per second rather than two.
const stallTicks = 2
