package sim

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"rumor/actor"
	"rumor/messages"
)

// Process faults, as Maelstrom's kill and pause nemeses inflict them
// (eddy/docs/SEMANTICS.md §12):
//
//   - kill: the process dies at once (SIGKILL). What it held in memory is
//     gone; its log on the disk stays. Now and then the kill lands in the
//     middle of a write: part of the record reaches the disk, and nothing
//     the step would have sent goes out. Messages to the node are lost
//     until it is started again, and with them whatever was sent to the
//     process that died.
//   - start: a new process under the same id, with a larger incarnation,
//     gets init from a client opened for it (a later client id than the
//     test's first ones) and nothing else: no topology.
//   - pause: the process stops (SIGSTOP). It takes no events and no ticks;
//     messages to it wait in the network, in order of their due time.
//   - resume: it gets, in one step, every tick it missed; then Resumed; then
//     the messages that waited, in order of their due time, before anything
//     else.
//
// Its clients give up after clientTimeout, as Maelstrom's do; a reply to a
// client that gave up on a broadcast (and was closed) makes the network
// stop reading the node's process: it is mute (see send; §12.9) until a
// kill and a start give it a new one.

// procState is where a node's process stands.
type procState int

const (
	procUp procState = iota
	procDead
	procPaused
)

// process is the simulator's view of one node's process.
type process struct {
	state    procState
	epoch    int    // which process this is: messages to an earlier one are lost
	inc      uint64 // its incarnation
	pausedAt int64  // the first tick it missed
	// dieInWrite makes the node's next write the one a kill lands in, if
	// it comes by tick dieBy; if not, the kill lands then.
	dieInWrite bool
	dieBy      int64
}

// tearWindow is how many ticks a kill meant to land in a write waits for
// one: long enough that a node under load usually writes.
const tearWindow = 20

// targetSpecs are Jepsen's node specs for a kill or a pause.
var targetSpecs = []string{"subset", "one", "minority-third", "minority", "majority", "all"}

// targets draws the nodes a kill or pause op acts on.
func targets(spec string, ids []string, rng *rand.Rand) []string {
	order := shuffled(ids, rng)
	n := len(ids)
	var k int
	switch spec {
	case "subset":
		k = 1 + rng.IntN(n)
	case "one":
		k = 1
	case "minority-third":
		k = (n - 1) / 3
	case "minority":
		k = n / 2
	case "majority":
		k = n/2 + 1
	case "all":
		k = n
	}
	out := order[:k]
	slices.Sort(out)
	return out
}

// procNemesis alternates kill with start, and pause with resume, the way
// Jepsen's db package does: two flip-flops, each op picked from either at
// random, Uniform[0, 2·mean) ticks after the one before.
type procNemesis struct {
	mean        int64 // zero: off
	nextAt      int64
	kill, pause bool // the families in play
	killed      bool // the kill flip-flop's next op is start
	paused      bool // the pause flip-flop's next op is resume
}

func (p *procNemesis) arm(now int64, f Faults) {
	if f.ProcessTicks == 0 || !f.Kill && !f.Pause {
		return
	}
	p.mean, p.kill, p.pause = f.ProcessTicks, f.Kill, f.Pause
	p.nextAt = now + 1
}

func (p *procNemesis) disarm() { p.mean = 0 }

func (p *procNemesis) step(s *Sim) {
	if p.mean == 0 || s.now < p.nextAt {
		return
	}
	kill := p.kill && (!p.pause || s.rng.IntN(2) == 0)
	spec := pick(s.rng, targetSpecs)
	switch {
	case kill && !p.killed:
		for _, id := range targets(spec, s.ids, s.rng) {
			s.Kill(id, s.roll(s.sc.Faults.TearPercent))
		}
	case kill:
		s.StartAll()
	case !p.paused:
		for _, id := range targets(spec, s.ids, s.rng) {
			s.Pause(id)
		}
	default:
		s.ResumeAll()
	}
	if kill {
		p.killed = !p.killed
	} else {
		p.paused = !p.paused
	}
	p.nextAt = s.now + s.rng.Int64N(2*p.mean)
}

// Kill kills node id; with inWrite, the kill lands in its next write this
// tick, if it makes one.
func (s *Sim) Kill(id string, inWrite bool) {
	p := s.procs[id]
	if p.state == procDead {
		return
	}
	if inWrite {
		p.dieInWrite, p.dieBy = true, s.now+s.rng.Int64N(tearWindow)
		return
	}
	s.die(id, "kill")
}

// die ends node id's process.
func (s *Sim) die(id, how string) {
	p := s.procs[id]
	p.state, p.dieInWrite = procDead, false
	s.stats.Kills++
	s.trace.begin(s.now, how).word(id).end()
}

// finishKills lands the kills armed for a write that did not come in
// time; with force, all of them.
func (s *Sim) finishKills(force bool) {
	for _, id := range s.ids {
		if p := s.procs[id]; p.dieInWrite && (force || s.now >= p.dieBy) {
			s.die(id, "kill")
		}
	}
}

// StartAll starts every dead node again, as Maelstrom's start op does.
func (s *Sim) StartAll() {
	for _, id := range s.ids {
		if s.procs[id].state == procDead {
			s.start(id)
		}
	}
}

// start runs a new process for node id: a new core with a larger
// incarnation, init from a client of its own, nothing else.
func (s *Sim) start(id string) {
	p := s.procs[id]
	p.inc++
	p.epoch++
	p.state = procUp
	cfg := s.sc.Config
	cfg.Incarnation = p.inc
	n, err := actor.NewNode(cfg)
	if err != nil {
		s.fail("config", "%v", err)
		return
	}
	s.nodes[id] = n
	s.wakes[id] = &wake{}
	delete(s.mute, id) // a new process has new pipes, read afresh
	s.stats.Restarts++
	s.trace.begin(s.now, "start").word(id).word(fmt.Sprint(p.inc)).end()
	// Init goes first, before anything else can reach the new process.
	client := s.work.openClient()
	init := s.work.request(client, id, messages.Init{Request: s.work.newRequest(), NodeID: id, NodeIDs: s.ids}, request{admin: true, closeAfter: true})
	s.deliver(envelope{msg: init, due: s.now, epoch: p.epoch})
}

// Pause stops node id's process.
func (s *Sim) Pause(id string) {
	p := s.procs[id]
	if p.state != procUp {
		return
	}
	p.state, p.pausedAt = procPaused, s.now
	s.stats.Pauses++
	s.trace.begin(s.now, "pause").word(id).end()
}

// ResumeAll resumes every paused node, as Maelstrom's resume op does.
func (s *Sim) ResumeAll() {
	for _, id := range s.ids {
		if s.procs[id].state == procPaused {
			s.resume(id)
		}
	}
}

// resume lets node id run again: the ticks it missed in one Tick, then
// Resumed, then what waited for it, in order of due time.
func (s *Sim) resume(id string) {
	p := s.procs[id]
	backlog := s.net.takeFor(id, s.now)
	p.state = procUp
	missed := s.now - p.pausedAt
	s.trace.begin(s.now, "resume").word(id).word(fmt.Sprint(missed)).end()
	if missed > 0 {
		out := s.nodes[id].Step(actor.Tick{N: missed})
		s.checkWake(id, missed, out)
		s.handle(id, out)
	}
	s.stepNode(id, actor.Resumed{})
	for _, e := range backlog {
		s.deliver(e)
	}
}
