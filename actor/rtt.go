package actor

// A link measures its round trip as TCP does (RFC 6298): a smoothed
// estimate SRTT and its mean deviation RTTVAR, updated on every sample
// with gains of 1/8 and 1/4, and a timeout of SRTT + max(G, 4·RTTVAR),
// where G is the clock's granularity, one tick.
//
// A sample is exact whichever copy of a batch was answered, resent or not,
// so there is no need for Karn's rule (which would leave a link whose
// round trip exceeds the backoff cap without any sample at all): every
// gossip carries the sender's clock (Stamp, as TCP's timestamp option,
// RFC 7323), and an acknowledgement echoes the stamp of the batch whose
// arrival it answers (Echo) and says how many ticks the peer sat on it
// since (Held, as QUIC's ack_delay). The sample is now − echo − held: a
// peer that holds its ack on purpose, to ride on gossip or until it has
// passed the values on, does not make the network look slower than it is.
//
// The estimate is kept in eighths of a tick, so that a network much
// faster than a tick still smooths, and the core stays in integers.

// rttEstimator is one link's round-trip estimate.
type rttEstimator struct {
	srtt, rttvar int64 // in eighths of a tick
	samples      int
}

// stamp is the Gossip.Stamp for a send at tick now: the tick plus one, so
// that 0 can mean "no stamp" (a tick 0 exists).
func stamp(now int64) uint64 { return uint64(now + 1) }

// echoed takes the sample an acknowledgement gives: it arrived at now,
// echoing the stamp of the batch it answers, which the peer held for held
// ticks. An ack without an echo, or with one from the future (a confused
// peer, or a stream from before a restart), gives none, and so does one
// for a batch sent before this node last resumed from a pause (resumedAt):
// that round trip includes the pause, not only the network, and one such
// sample would hold the link's timeout up for dozens of round trips. The
// peer does the same for its own pauses: it echoes no stamp of a batch
// read behind its pause fence (fence.go), which may have waited out the
// pause in its input.
// It returns the sample, and false when it took none.
func (r *rttEstimator) echoed(now, held int64, echo uint64, resumedAt int64) (int64, bool) {
	if echo == 0 || echo > stamp(now) {
		return 0, false
	}
	sent := int64(echo) - 1
	if sent < resumedAt {
		return 0, false
	}
	ticks := max(now-sent-held, 0)
	r.sample(ticks)
	return ticks, true
}

// sample folds one round trip, in ticks, into the estimate.
func (r *rttEstimator) sample(ticks int64) {
	s := ticks * 8
	if r.samples == 0 {
		r.srtt, r.rttvar = s, s/2
	} else {
		r.rttvar += (abs(r.srtt-s) - r.rttvar) / 4
		r.srtt += (s - r.srtt) / 8
	}
	r.samples++
}

// timeout is SRTT + max(G, 4·RTTVAR, SRTT/2) in whole ticks, rounded up,
// and never less than initial until the link has trustSamples samples.
//
// Two guards on RFC 6298's formula, both for latencies with long tails
// (exponential): a few early samples can all fall short of the mean and
// give an estimate with no room for the tail (RFC 6298 has a one-second
// floor for this; a floor of initial for the first samples costs less
// where round trips are short), and RTTVAR decays towards zero on a run of
// similar samples, while the next may still be twice the mean (the SRTT/2
// floor).
func (r *rttEstimator) timeout(initial int64) int64 {
	if r.samples == 0 {
		return initial
	}
	t := (r.srtt + max(8, 4*r.rttvar, r.srtt/2) + 7) / 8
	if r.samples < trustSamples {
		t = max(t, initial)
	}
	return t
}

// smoothed is SRTT in whole ticks, rounded to the nearest, and false
// before the first sample.
func (r *rttEstimator) smoothed() (int64, bool) {
	if r.samples == 0 {
		return 0, false
	}
	return (r.srtt + 4) / 8, true
}

// trustSamples is how many samples a link's estimate needs before it may
// go below the initial allowance.
const trustSamples = 2

// roundTrip is the round-trip allowance of l: its own timeout once it has
// trustSamples samples. Until then, R₀, or the node's estimate over the
// samples of all its links together (Node.rtt) when that is shorter. A
// link that has measured nothing yet is most often one the node has just
// begun to use (a peer sought, a new parent) or one cut off since the run
// began; it crosses the network the node's other links measure, so on a
// network faster than R₀ assumes it need not wait R₀: at --latency 0 a hub
// cut off from two nodes since the first tick retried them once per R₀ + B
// (0.55 s) and found the heal up to half a second late. On a slower one R₀
// stays: with the node's longer estimate at --latency 200, the nodes cut
// off by a ring drawn as the run starts failed over a second later, some
// just after the heal (measured, and not kept).
func (n *Node) roundTrip(l *link) int64 {
	own := l.rtt.timeout(n.cfg.RetransmitTicks)
	if l.rtt.samples < trustSamples && n.rtt.samples >= trustSamples {
		return min(own, n.rtt.timeout(n.cfg.RetransmitTicks))
	}
	return own
}

func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}
