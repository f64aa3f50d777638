package actor

// A hub stamps every message with its clock (HubTS) and promises, with
// every batch and with its greeting, that its next message follows within
// so many ticks (More: a batch interval B, or less for the greeting). A
// leaf holds it to the promise by the hub's own clock: the next message
// leaves the hub by stamp + More, so it arrives here by then plus the lag
// at which the hub's stamps reach this node (the difference of the two
// clocks plus the one-way delay), give or take the lag's variation. The lag is smoothed as TCP smooths a round trip (RFC
// 6298: gains 1/8 and 1/4), and the deadline allows four mean deviations
// over it, never less than slackTicks.
//
// Why not the round trip the link measures: what a promise must allow for
// is the variation of one one-way delay, and a round trip's margin is far
// larger. At a constant 100 ms a round trip's timeout sits SRTT/2 (100 ms)
// above it, and before the link has measured one R₀ (300 ms) or, after one
// sample, two round trips; the lag's variation is a tick or two. So a leaf
// cut off from its hub, which learns of it only by the batch that does not
// come, learns it hundreds of milliseconds sooner, and most of all at the
// start of a run, when the hub's greeting is the only message it has had.
type lag struct {
	mean, dev int64 // in eighths of a tick
	samples   int
}

// lagDeviations is how many mean deviations of the lag a deadline allows:
// eight, not RFC 6298's four. One one-way delay has a heavier tail, for
// its mean, than a round trip (the sum of two): under exponential latency
// four deviations were outrun by about one promise in fifty, and each such
// false silence cost a hello, a round of twelve questions and the answers'
// handovers (4.3 msgs-per-op against 3.1). Under a constant latency the
// deviation is a fraction of a tick and the slack floor decides.
const lagDeviations = 8

// slackTicks is the least a promise's deadline allows over the lag: the
// two clocks each count whole ticks, and a process is sometimes scheduled
// late on a loaded machine.
const slackTicks = 3

// sample folds in one message's lag: this node's clock when it arrived,
// minus the hub's clock when it was sent. One sample says nothing of the
// variation, so the first sets the allowance (four deviations) to a third
// of initial (R₀, a round trip's allowance before it is measured), and
// later samples narrow or widen it. It is the slack of the hub's greeting,
// the promise a leaf cut off at the start of a run is caught by: 100 ms at
// the default R₀. Under a long-tailed latency a few leaves take their hub
// for silent at the start, which costs a hello and a round of questions
// each, never a failover (a silence alone never stalls a link, plan.go).
func (g *lag) sample(ticks, initial int64) {
	s := ticks * 8
	if g.samples == 0 {
		g.mean, g.dev = s, initial*8/(3*lagDeviations)
	} else {
		g.dev += (abs(g.mean-s) - g.dev) / 4
		g.mean += (s - g.mean) / 8
	}
	g.samples++
}

// due is when the message the hub promised at its tick sent, within
// promised ticks, should have arrived here, by this node's clock.
func (g *lag) due(sent, promised int64) int64 {
	return sent + promised + (g.mean+max(slackTicks*8, lagDeviations*g.dev)+7)/8
}
