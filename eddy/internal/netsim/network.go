package netsim

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"

	"eddy/internal/journal"
	"eddy/internal/timer"
)

// Options configure a Network.
type Options struct {
	Latency Latency
	// Rand draws latencies. The network serialises access to it.
	Rand *rand.Rand
	// OnSend and OnRecv, if set, see every accepted send and every delivery
	// (for --log-net-send / --log-net-recv). They run on the sending or
	// delivering goroutine and must be quick.
	OnSend, OnRecv func(Message)
	// PreciseTimers makes the timer goroutine behind every Alarm (and so
	// every timed delivery) sleep with ppoll's nanosecond timeout on
	// Linux, instead of a Go timer. Leave it off inside a synctest bubble,
	// whose fake clock only Go timers follow.
	PreciseTimers bool
}

// Network is the simulated Maelstrom network. All methods are safe for
// concurrent use.
type Network struct {
	opts  Options
	clock *clock

	rngMu sync.Mutex
	rng   *rand.Rand

	membersMu sync.RWMutex
	members   map[string]*Member

	nextID     atomic.Int64 // next message id
	nextClient atomic.Int64 // next client number

	partition atomic.Pointer[grudge]
	landings  landings
	tally     tally
	lag       lagRecorder
	hol       holRecorder
	timers    *timer.Service // on the raw clock
}

// New builds an empty network.
func New(opts Options) (*Network, error) {
	if err := opts.Latency.Validate(); err != nil {
		return nil, err
	}
	if opts.Rand == nil {
		return nil, fmt.Errorf("netsim: Options.Rand is required")
	}
	n := &Network{
		opts:    opts,
		clock:   newClock(),
		rng:     opts.Rand,
		members: make(map[string]*Member),
	}
	n.timers = timer.New(n.clock.raw, opts.PreciseTimers)
	return n, nil
}

// Alarm is a reusable one-shot wake-up on the run's relative clock (Now),
// served by the network's timer service: with PreciseTimers it wakes
// within about 0.1 ms of its deadline where a Go timer can be 1 ms late.
type Alarm struct {
	*timer.Alarm
	clock *clock
}

// NewAlarm returns an unarmed alarm on Now's clock.
func (n *Network) NewAlarm() *Alarm { return &Alarm{Alarm: n.timers.NewAlarm(), clock: n.clock} }

// Set arms the alarm for relative time at (nanoseconds on Now's clock),
// replacing any earlier setting.
func (al *Alarm) Set(at int64) { al.Alarm.Set(at + al.clock.zero.Load()) }

// Now is the run's relative time in nanoseconds: time since MarkZero, or
// since the network was made if MarkZero has not been called.
func (n *Network) Now() int64 { return n.clock.relative() }

// MarkZero makes the present moment history time 0. Journal lines keep
// nanoseconds since the network was made; MarkZero writes a
// {"t":…,"ev":"clock-zero"} line so readers can line the two up.
func (n *Network) MarkZero() { n.tally.mark(n.clock.markZero()) }

// SetJournal streams every send, delivery and drop to w, and the
// clock-zero mark when MarkZero is called. Call FlushJournal before
// closing what w writes to.
func (n *Network) SetJournal(w *journal.Writer) { n.tally.setSink(w) }

// FlushJournal writes out buffered journal lines.
func (n *Network) FlushJournal() error { return n.tally.flush() }

// Counts returns the journal's :net statistics so far.
func (n *Network) Counts() Counts { return n.tally.counts() }

// Lag is every delivery's lag so far (see LagSamples).
func (n *Network) Lag() LagSamples { return n.lag.copy() }

// HeadOfLine is every counted delivery's wait in the model so far (see
// HeadOfLine).
func (n *Network) HeadOfLine() HeadOfLine { return n.hol.copy() }

// Register adds a member with an empty queue. Registering an id twice is a
// harness bug.
func (n *Network) Register(id string) (*Member, error) {
	n.membersMu.Lock()
	defer n.membersMu.Unlock()
	if _, dup := n.members[id]; dup {
		return nil, fmt.Errorf("netsim: member %s registered twice", id)
	}
	m := &Member{id: id, net: n, q: newQueue()}
	n.members[id] = m
	return m, nil
}

// Restart gives a registered member a fresh, empty queue, as Maelstrom
// does when it starts a killed node again (§12.6): whatever was sent to it
// while it was down is discarded, never delivered. Sends from then on go to
// the returned member; the old one's queue is closed, which ends any
// delivery loop still taking from it.
func (n *Network) Restart(id string) (*Member, error) {
	n.membersMu.Lock()
	old := n.members[id]
	if old == nil {
		n.membersMu.Unlock()
		return nil, fmt.Errorf("netsim: member %s restarted but never registered", id)
	}
	m := &Member{id: id, net: n, q: newQueue()}
	n.members[id] = m
	n.membersMu.Unlock()
	old.q.close()
	return m, nil
}

// OpenClient registers the next client, c0, c1, … in order of calls.
func (n *Network) OpenClient() *Member {
	for {
		id := "c" + strconv.FormatInt(n.nextClient.Add(1)-1, 10)
		if m, err := n.Register(id); err == nil {
			return m
		}
	}
}

// Unregister removes a member; its queued messages are discarded and later
// sends to it fail as sends to an unknown destination.
func (n *Network) Unregister(id string) {
	n.membersMu.Lock()
	m := n.members[id]
	delete(n.members, id)
	n.membersMu.Unlock()
	if m != nil {
		m.q.close()
	}
}

func (n *Network) member(id string) *Member {
	n.membersMu.RLock()
	defer n.membersMu.RUnlock()
	return n.members[id]
}

// Partition installs a grudge: drops[dest] lists the sources whose messages
// dest discards when it dequeues them.
func (n *Network) Partition(drops map[string][]string) {
	g := newGrudge(drops)
	n.partition.Store(&g)
}

// Heal removes every grudge.
func (n *Network) Heal() { n.partition.Store(nil) }

func (n *Network) dropped(m *Message) bool {
	g := n.partition.Load()
	return g != nil && g.drops(m.Src, m.Dest)
}

// UnknownMemberError is returned for a send whose source or destination is not
// registered: Maelstrom's "Invalid dest/source for message" assertion.
type UnknownMemberError struct {
	Role, ID string // Role is "dest" or "source"
	MsgID    int64  // the id that was allocated and is now skipped
}

func (e *UnknownMemberError) Error() string {
	return fmt.Sprintf("Invalid %s for message: %q (message id %d skipped)", e.Role, e.ID, e.MsgID)
}

// SendLine parses one line a node printed and sends it. Schema failures
// come back as *LineError before an id is taken; unknown members as
// *UnknownMemberError after.
func (n *Network) SendLine(line []byte) error {
	m, err := ParseLine(line)
	if err != nil {
		return err
	}
	return n.Send(m)
}

// Send gives m the next message id, checks both ends are registered, draws
// its latency, journals it and queues it at its destination. m.Body must be
// a compact JSON object; m.ID, m.Sent and m.Deadline are filled in.
func (n *Network) Send(m Message) error {
	_, err := n.Request(m)
	return err
}

// Request sends m as Send does and returns the id the network gave it, so
// that a client can later ask when it landed (Landed).
func (n *Network) Request(m Message) (int64, error) {
	m.ID = n.nextID.Add(1) - 1
	dest := n.member(m.Dest)
	if dest == nil {
		return m.ID, &UnknownMemberError{Role: "dest", ID: m.Dest, MsgID: m.ID}
	}
	if n.member(m.Src) == nil {
		return m.ID, &UnknownMemberError{Role: "source", ID: m.Src, MsgID: m.ID}
	}
	m.Sent = n.clock.raw()
	m.Deadline = m.Sent
	if !m.touchesClient() {
		n.rngMu.Lock()
		ms := n.opts.Latency.drawMillis(n.rng)
		n.rngMu.Unlock()
		m.Deadline += ms * 1e6
	}
	n.tally.record(journal.Send, m.Sent, &m)
	if n.opts.OnSend != nil {
		n.opts.OnSend(m)
	}
	// A destination that unregisters between the lookup and here simply
	// loses the message, as a closed client's inbox would.
	dest.q.push(m)
	return m.ID, nil
}

// Landed reports when the client request with network id id was handed to
// its destination, on Now's clock, and forgets it; false if it has not
// been (yet). Only messages from a client to a non-client are remembered.
func (n *Network) Landed(id int64) (int64, bool) { return n.landings.take(id) }

// Members lists the registered ids in sorted order.
func (n *Network) Members() []string {
	n.membersMu.RLock()
	defer n.membersMu.RUnlock()
	ids := make([]string, 0, len(n.members))
	for id := range n.members {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
