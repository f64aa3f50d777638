package sim

import (
	"fmt"
	"io"
	"math/rand/v2"
	"strings"

	"rumor/actor"
	"rumor/messages"
)

// Sim is one simulated cluster. It is driven one tick at a time by Step and
// is not safe for concurrent use; separate Sims share nothing (but a Disk
// given to both) and may run in parallel.
type Sim struct {
	sc    Scenario
	rng   *rand.Rand
	trace *Trace
	now   int64

	ids   []string
	nodes map[string]*actor.Node // each node's current core; a dead node's is its last
	wakes map[string]*wake       // each node's count of ticks and its promised next tick
	procs map[string]*process    // each node's process: up, dead or paused
	disk  *Disk
	mute  map[string]bool // nodes whose output the network no longer reads

	net      network
	cut      cuts // the partition in force; nil when the network is whole
	faultsOn bool // drops and duplicates happen only while this is set
	initing  bool // Setup is waiting for init_ok: no node may talk to another yet
	nemesis  nemesis
	procNem  procNemesis
	work     *workload

	stats  Stats
	onSend func(from string, m messages.Message) // an observer of every node's sends, or nil
	hubs   *hubWatch                             // checks failovers (failover.go), or nil
	err    *Violation
}

// Stats counts what happened in a run.
type Stats struct {
	Sent       int            // messages nodes produced, to nodes and clients
	ToPeers    map[string]int // messages each node sent to other nodes
	Delivered  int
	Dropped    int // lost to random drops
	Cut        int // lost to partitions
	Lost       int // lost because their destination's process died
	Duplicated int
	Ops        int // client operations issued
	Kills      int
	Torn       int // kills that landed in a write
	Restarts   int
	Pauses     int
	TimedOut   int // client requests that went unanswered for clientTimeout
	Muted      int // messages a mute node sent, which nobody read
}

// New builds the cluster of sc on a fresh disk. rng must be the source sc
// was drawn from (or a fresh NewRand for a hand-made scenario); traceOut
// may be nil, in which case the run is only hashed.
func New(sc Scenario, rng *rand.Rand, traceOut io.Writer) (*Sim, error) {
	return NewOn(NewDisk(), sc, rng, traceOut)
}

// NewOn is New on a given disk, which may hold an earlier test's logs.
func NewOn(disk *Disk, sc Scenario, rng *rand.Rand, traceOut io.Writer) (*Sim, error) {
	if err := sc.validate(); err != nil {
		return nil, err
	}
	s := &Sim{sc: sc, rng: rng, trace: NewTrace(traceOut), nodes: make(map[string]*actor.Node),
		wakes: make(map[string]*wake), procs: make(map[string]*process), disk: disk, mute: make(map[string]bool)}
	s.stats.ToPeers = make(map[string]int)
	for i := range sc.Nodes {
		id := fmt.Sprintf("n%d", i)
		cfg := sc.Config
		cfg.Incarnation = 1
		n, err := actor.NewNode(cfg)
		if err != nil {
			return nil, err
		}
		s.ids = append(s.ids, id)
		s.nodes[id] = n
		s.wakes[id] = &wake{}
		s.procs[id] = &process{inc: 1}
	}
	s.work = newWorkload(s, sc)
	s.trace.begin(0, "scenario").word(sc.String()).end()
	return s, nil
}

// Now returns the current tick.
func (s *Sim) Now() int64 { return s.now }

// IDs returns the node ids in init order. The slice must not be modified.
func (s *Sim) IDs() []string { return s.ids }

// Node returns the core with the given id, for inspection only: stepping it
// from outside would desynchronise the simulation.
func (s *Sim) Node(id string) *actor.Node { return s.nodes[id] }

// Stats returns the counters so far.
func (s *Sim) Stats() Stats { return s.stats }

// Mute returns, in init order, the nodes the network no longer reads.
func (s *Sim) Mute() []string {
	var ids []string
	for _, id := range s.ids {
		if s.mute[id] {
			ids = append(ids, id)
		}
	}
	return ids
}

// Hash returns the trace hash so far.
func (s *Sim) Hash() uint64 { return s.trace.Hash() }

// Err returns the first property violation, or nil.
func (s *Sim) Err() error {
	if s.err == nil {
		return nil
	}
	return s.err
}

// fail records a violation; only the first one counts, since everything
// after it may be a consequence.
func (s *Sim) fail(property, format string, args ...any) {
	if s.err != nil {
		return
	}
	s.err = &Violation{Seed: s.sc.Seed, Tick: s.now, Property: property, Detail: fmt.Sprintf(format, args...)}
	s.trace.begin(s.now, "violation").word(s.err.Error()).end()
}

// Step advances the simulation by one tick: the nemeses act, clients issue
// operations and give up on old ones, every message due is delivered (in a
// random order, including messages those deliveries cause, if they are due
// at once), every running node ticks (in a random order), and the
// invariants are checked.
func (s *Sim) Step() {
	s.now++
	s.nemesis.step(s)
	s.procNem.step(s)
	s.hubs.observe(s)
	s.work.step()
	s.work.expire()
	s.deliverDue()
	s.finishKills(false)
	s.tickNodes()
	s.checkInvariants()
}

// Run steps n ticks, stopping early at a violation.
func (s *Sim) Run(n int64) {
	for range n {
		if s.err != nil {
			return
		}
		s.Step()
	}
}

// maxRounds bounds the delivery rounds in one tick. Zero latency lets a
// delivery cause another delivery in the same tick, but each value is new
// only once, so a healthy cluster quiets within a few rounds.
const maxRounds = 10_000

func (s *Sim) deliverDue() {
	ready := func(dest string) bool { p, ok := s.procs[dest]; return !ok || p.state != procPaused }
	for round := 0; ; round++ {
		due := s.net.takeDue(s.now, ready)
		if len(due) == 0 {
			return
		}
		if round == maxRounds {
			s.fail("livelock", "messages still due after %d delivery rounds in one tick", maxRounds)
			return
		}
		s.rng.Shuffle(len(due), func(i, j int) { due[i], due[j] = due[j], due[i] })
		for _, e := range due {
			s.deliver(e)
		}
	}
}

func (s *Sim) tickNodes() {
	order := shuffled(s.ids, s.rng)
	s.trace.begin(s.now, "tick").word(strings.Join(order, ",")).end()
	for _, id := range order {
		if s.procs[id].state != procUp {
			continue
		}
		out := s.nodes[id].Step(actor.Tick{})
		s.checkWake(id, 1, out)
		s.handle(id, out)
	}
}

// deliver hands one message to its destination, unless the partition, a
// random fault or a dead process loses it on the way.
func (s *Sim) deliver(e envelope) {
	m := e.msg
	line := messages.Encode(m)
	if s.work.isClient(m.Dest) {
		s.trace.begin(s.now, "reply").raw(line).end()
		if s.sc.Wire {
			s.event(m, line) // only to check the line decodes: clients check the typed reply
		}
		s.work.receive(m)
		return
	}
	p, ok := s.procs[m.Dest]
	if !ok {
		s.fail("addressing", "message to unknown destination: %s", line)
		return
	}
	if p.state == procDead || e.epoch != p.epoch {
		s.stats.Lost++
		s.trace.begin(s.now, "lost").raw(line).end()
		return
	}
	if s.isNode(m.Src) {
		if s.cut.blocks(m.Src, m.Dest) {
			s.stats.Cut++
			s.trace.begin(s.now, "cut").raw(line).end()
			return
		}
		if s.faultsOn && s.roll(s.sc.Faults.DropPercent) {
			s.stats.Dropped++
			s.trace.begin(s.now, "drop").raw(line).end()
			return
		}
	}
	s.stats.Delivered++
	s.trace.begin(s.now, "deliver").raw(line).end()
	s.stepNode(m.Dest, s.event(m, line))
}

// event is what the node sees: the message itself, or in wire mode whatever
// its encoded line decodes to, as the real shell would produce.
func (s *Sim) event(m messages.Message, line []byte) actor.Event {
	if !s.sc.Wire {
		return actor.Received{Msg: m}
	}
	decoded, err := messages.Decode(line[:len(line)-1])
	if err != nil {
		s.fail("wire", "an encoded message does not decode: %v: %s", err, line)
		return actor.Rejected{Err: err.(*messages.DecodeError)}
	}
	return actor.Received{Msg: decoded}
}

// handle takes a node's output onto the network. In the simulation every
// input is well-formed, so any problem a node reports is a bug somewhere;
// notes (a pause, a failed write) are not.
func (s *Sim) handle(from string, out actor.Output) {
	s.wakes[from].promise(out)
	for _, p := range out.Problems {
		s.fail("problem", "%s reported %q on well-formed traffic", from, p)
	}
	for _, n := range out.Notes {
		s.trace.begin(s.now, "note").word(from).word(n).end()
		s.hubs.noted(s, from, n)
	}
	for _, m := range out.Messages {
		s.send(from, m)
	}
}

// send puts one message from a node in flight, with a random latency unless
// a client is involved (Maelstrom never delays client traffic), and perhaps a
// duplicate with a latency of its own. A reply to a client that was closed
// makes the node mute, as Maelstrom stops reading a node's stdout at the
// first line it cannot deliver (eddy/docs/SEMANTICS.md §1.6): that line
// and everything after it are lost.
func (s *Sim) send(from string, m messages.Message) {
	s.stats.Sent++
	if s.onSend != nil {
		s.onSend(from, m)
	}
	if m.Src != from {
		s.fail("addressing", "%s sent a message as %q", from, m.Src)
	}
	if !s.mute[from] && s.work.closed[m.Dest] {
		s.mute[from] = true
		s.trace.begin(s.now, "mute").word(from).raw(messages.Encode(m)).end()
		if !s.sc.Config.NoPauseFence {
			s.fail("mute", "%s answered %s, a client that had given up and been closed: Maelstrom would never read it again", from, m.Dest)
		}
	}
	if s.mute[from] {
		s.stats.Muted++
		return
	}
	if !s.isNode(m.Dest) {
		s.net.put(envelope{msg: m, due: s.now})
		return
	}
	if s.initing {
		// Maelstrom registers and inits nodes in parallel: a peer may not be
		// registered yet, and a message to it would end the sender's stdout
		// for the rest of the test (eddy/docs/SEMANTICS.md §1.6, §1.8).
		s.fail("addressing", "%s sent %s to %s before every node had answered init", from, m.Body.Type(), m.Dest)
	}
	s.stats.ToPeers[from]++
	epoch := s.procs[m.Dest].epoch
	s.net.put(envelope{msg: m, due: s.now + s.latency(), epoch: epoch})
	if s.faultsOn && s.roll(s.sc.Faults.DupPercent) {
		s.stats.Duplicated++
		s.trace.begin(s.now, "dup").raw(messages.Encode(m)).end()
		s.net.put(envelope{msg: m, due: s.now + s.latency(), epoch: epoch})
	}
}

// inject puts a client's message in flight, due at once.
func (s *Sim) inject(m messages.Message) {
	s.net.put(envelope{msg: m, due: s.now, epoch: s.procs[m.Dest].epoch})
}

func (s *Sim) latency() int64 {
	if mean := s.sc.Faults.ExpLatency; mean > 0 {
		return int64(s.rng.ExpFloat64() * float64(mean))
	}
	if c := s.sc.Faults.ConstLatency; c > 0 {
		return c
	}
	return s.rng.Int64N(s.sc.Faults.MaxLatency + 1)
}

func (s *Sim) roll(percent int) bool { return percent > 0 && s.rng.IntN(100) < percent }

func (s *Sim) isNode(id string) bool {
	_, ok := s.nodes[id]
	return ok
}
