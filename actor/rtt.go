package actor

// A link measures its round trip as TCP does (RFC 6298): a smoothed
// estimate SRTT and its mean deviation RTTVAR, updated on every sample
// with gains of 1/8 and 1/4, and a timeout of SRTT + max(G, 4·RTTVAR),
// where G is the clock's granularity, one tick.
//
// A sample is the time from a value's first transmission to the ack that
// covers it, less the ticks the peer says it held that ack (Held, as
// QUIC's ack_delay): a peer that sits on its ack on purpose, to ride on
// gossip or until it has passed the values on, does not make the network
// look slower than it is. Values that were ever resent on a timeout give
// no sample (Karn's rule): which copy the ack answers is unknown.
//
// The estimate is kept in eighths of a tick, so that a network much
// faster than a tick still smooths, and the core stays in integers.

// rttEstimator is one link's round-trip estimate and what it needs to
// take samples.
type rttEstimator struct {
	srtt, rttvar int64 // in eighths of a tick
	samples      int
	// flights are the first transmissions of values not yet acknowledged:
	// each records the highest sequence number that send carried and when.
	flights []flight
	// resentTo is the highest sequence number a timeout ever resent.
	resentTo uint64
}

type flight struct {
	last uint64
	at   int64
}

// sent records a send of everything up to last; resend says a timeout
// caused it.
func (r *rttEstimator) sent(last uint64, at int64, resend bool) {
	if resend {
		r.resentTo = max(r.resentTo, last)
		return
	}
	if n := len(r.flights); n == 0 || r.flights[n-1].last < last {
		r.flights = append(r.flights, flight{last: last, at: at})
	}
}

// acked takes the sample an ack up to upTo gives, if any, and forgets the
// flights it covers.
func (r *rttEstimator) acked(upTo uint64, now, held int64) {
	k := 0
	for k < len(r.flights) && r.flights[k].last < upTo {
		k++
	}
	if k < len(r.flights) && upTo > r.resentTo {
		r.sample(max(now-r.flights[k].at-held, 0))
	}
	if k < len(r.flights) && r.flights[k].last == upTo {
		k++
	}
	r.flights = r.flights[k:]
	if len(r.flights) == 0 {
		r.flights = nil // keep nothing alive
	}
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

// timeout is SRTT + max(G, 4·RTTVAR) in whole ticks, rounded up, or
// initial before the first sample.
func (r *rttEstimator) timeout(initial int64) int64 {
	if r.samples == 0 {
		return initial
	}
	return (r.srtt + max(8, 4*r.rttvar) + 7) / 8
}

// forget drops the flights: the stream they belonged to is gone (a
// restart). The estimate stays: the network between the two has not
// changed.
func (r *rttEstimator) forget() {
	r.flights, r.resentTo = nil, 0
}

func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}
