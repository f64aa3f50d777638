package netsim

import (
	"slices"
	"sync"
	"time"
)

// HeadOfLine is how long Maelstrom's delivery model itself held messages
// past their deadlines (§4.2): a node's loop takes the head of its queue
// at once and sleeps until it is due, so whatever is sent to the node
// meanwhile waits behind it, even when already due, and one message drawn
// long (an exponential latency's tail) leaves a node deaf to everyone for
// as long. These waits are the model's, not lag (LagSamples is measured
// against the same model) and not the node's doing: they explain a run's
// tail, where a value's path crossed a node whose loop slept on such a
// message.
//
// A delivery's wait is the model moment of its hand-over, max(its
// deadline, the model moment of the loop's previous hand-over), minus its
// deadline. Only the deliveries LagSamples counts are counted, and not the
// backlog a paused node works through after its resume (that wait is the
// pause's).
type HeadOfLine struct {
	// Waits is every counted delivery's wait, in delivery order.
	Waits []time.Duration
	// Longest is the delivery that waited longest; its Wait is 0 when
	// none waited.
	Longest Held
}

// Held is one delivery the model held past its deadline.
type Held struct {
	Member string        // whose queue it waited in
	Due    time.Duration // its deadline, on the run's clock (Now)
	Wait   time.Duration
}

// holRecorder keeps every wait, as lagRecorder keeps every lag.
type holRecorder struct {
	mu  sync.Mutex
	hol HeadOfLine
}

func (r *holRecorder) record(member string, due, wait int64) {
	w := time.Duration(max(wait, 0))
	r.mu.Lock()
	r.hol.Waits = append(r.hol.Waits, w)
	if w > r.hol.Longest.Wait {
		r.hol.Longest = Held{Member: member, Due: time.Duration(due), Wait: w}
	}
	r.mu.Unlock()
}

func (r *holRecorder) copy() HeadOfLine {
	r.mu.Lock()
	defer r.mu.Unlock()
	return HeadOfLine{Waits: slices.Clone(r.hol.Waits), Longest: r.hol.Longest}
}
