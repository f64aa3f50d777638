package sim

import (
	"bytes"

	"rumor/messages"
)

// setupTicks bounds how long init and topology may take. Client traffic is
// never delayed, so a node that answers at all answers within a tick.
const setupTicks = 10

// Setup does what Maelstrom does before the workload: init every node with
// the full node list in order, each from a client of its own (c0 … c(N-1)),
// wait for every init_ok, then send each node the grid topology and wait
// for every topology_ok.
func (s *Sim) Setup() {
	for _, id := range s.ids {
		body := messages.Init{Request: s.work.newRequest(), NodeID: id, NodeIDs: s.ids}
		s.work.send(s.work.openClient(), id, body, request{admin: true, closeAfter: true})
	}
	s.initing = true
	s.awaitReplies("init")
	s.initing = false
	s.work.admin = s.work.openClient()
	topo := gridTopology(s.ids)
	for _, id := range s.ids {
		s.work.send(s.work.admin, id, messages.Topology{Request: s.work.newRequest(), Topology: topo}, request{admin: true})
	}
	s.awaitReplies("topology")
}

// awaitReplies steps until every request is answered.
func (s *Sim) awaitReplies(what string) {
	for range setupTicks {
		if !s.work.busy() || s.err != nil {
			return
		}
		s.Step()
	}
	if s.work.busy() {
		s.fail("liveness", "%d %s requests unanswered after %d ticks", len(s.work.pending), what, setupTicks)
	}
}

// StartFaults turns on random drops, duplicates, failed writes, and the
// partition and process nemeses.
func (s *Sim) StartFaults() {
	s.faultsOn = true
	s.nemesis.arm(s.now, s.sc.Faults.NemesisTicks)
	s.procNem.arm(s.now, s.sc.Faults)
	s.trace.begin(s.now, "faults").word("on").end()
}

// StopFaults turns faults off as Maelstrom's final generators do: heal the
// network, then resume and start every node. Messages already in flight
// are still delivered, as in Maelstrom.
func (s *Sim) StopFaults() {
	s.faultsOn = false
	s.nemesis.disarm()
	s.procNem.disarm()
	s.Heal()
	s.finishKills(true)
	s.ResumeAll()
	s.StartAll()
}

// StartLoad lets the workers issue operations to the given nodes.
func (s *Sim) StartLoad(targets ...string) {
	if len(targets) == 0 {
		targets = s.ids
	}
	s.work.on, s.work.targets = true, targets
}

// StopLoad stops new operations; outstanding ones still get their replies.
func (s *Sim) StopLoad() { s.work.on = false }

// Settle steps until the cluster is quiescent (see quiescent) and returns how
// many ticks that took. Not getting there within budget ticks is a violation:
// some node's unacknowledged state does not drain.
func (s *Sim) Settle(budget int64) int64 {
	start := s.now
	for s.now-start < budget {
		if s.err != nil || s.quiescent() {
			return s.now - start
		}
		s.Step()
	}
	if !s.quiescent() {
		s.fail("drain", "not quiescent %d ticks after healing: %d requests pending, %d messages in flight, unacked %v",
			budget, len(s.work.pending), len(s.net.inflight), s.owed())
	}
	return s.now - start
}

// settleBudget is the bound within which a cluster whose faults have
// stopped must deliver every acknowledged value to every node and fall
// quiet: a few longest retransmission timeouts, batch and ack delays and
// latencies, one round for each hop, each hub failback and a restarted
// node's probe, after the clients' timeout has run out on the requests the
// faults left unanswered.
func settleBudget(sc Scenario) int64 {
	c := sc.Config
	return clientTimeout + 20*(c.MaxRetransmitTicks+c.BatchTicks+c.AckTicks+sc.Faults.MaxLatency+1)
}

// CheckFinal reads every node the network still reads, as Maelstrom's
// final reads do, and checks that each returns every value clients were
// told was accepted, nothing that was refused, and the same as every other.
func (s *Sim) CheckFinal() {
	if s.err != nil {
		return
	}
	var readable []string
	for _, id := range s.ids {
		if !s.mute[id] {
			readable = append(readable, id)
			s.work.send(s.work.admin, id, messages.Read{Request: s.work.newRequest()}, request{admin: true, mustHold: len(s.work.held[id])})
		}
	}
	s.awaitReplies("final read")
	for v := range s.work.sent {
		if !s.work.acked[v] && !s.work.indefinite[v] && !s.work.refused[v] {
			s.fail("final", "broadcast of %s was never answered, yet its client did not give up", v)
			return
		}
	}
	var first []messages.Value
	for i, id := range readable {
		got := s.work.finalReads[id]
		s.compare(id+"'s final read", got)
		s.compare(id+"'s Values()", s.nodes[id].Values())
		if i == 0 {
			first = got
		} else if !sameSet(first, got) {
			s.fail("final", "%s and %s read different values: %d and %d", readable[0], id, len(first), len(got))
		}
	}
}

func sameSet(a, b []messages.Value) bool {
	if len(a) != len(b) {
		return false
	}
	in := make(map[messages.Value]bool, len(a))
	for _, v := range a {
		in[v] = true
	}
	for _, v := range b {
		if !in[v] {
			return false
		}
	}
	return true
}

// compare checks that got holds every acknowledged value, once, and
// nothing but acknowledged values and those whose broadcast went
// unanswered (which the node may or may not have accepted).
func (s *Sim) compare(what string, got []messages.Value) {
	in := make(map[messages.Value]bool, len(got))
	var extra, missing []messages.Value
	for _, v := range got {
		if in[v] || !s.work.acked[v] && !s.work.indefinite[v] {
			extra = append(extra, v)
		}
		in[v] = true
	}
	for _, v := range s.work.ackedList {
		if !in[v] {
			missing = append(missing, v)
		}
	}
	if len(extra)+len(missing) > 0 {
		s.fail("final", "%s has %d values, want the %d acknowledged: missing %v, refused or repeated %v",
			what, len(got), len(s.work.ackedList), firstFew(missing), firstFew(extra))
	}
}

func firstFew(vs []messages.Value) []messages.Value { return vs[:min(len(vs), 5)] }

// CheckSilence steps long enough for every timer to fire and checks that a
// quiescent cluster goes silent: it may still owe an acknowledgement (for a
// late duplicate, say), but it sends no gossip, and once those acks are out
// nothing at all. Idle links must cost nothing.
func (s *Sim) CheckSilence() {
	if s.err != nil {
		return
	}
	c := s.sc.Config
	start := s.now
	// A message still on its way when the cluster went quiet may reach a
	// leaf with news of its hub newer than its own, and the leaf checks
	// with its parent (tree_news.go): a hello and its answer, two more hops.
	ackGrace := c.AckTicks + 2*(s.sc.Faults.MaxLatency+1)
	s.onSend = func(from string, m messages.Message) {
		late := s.now-start > ackGrace
		if m.Body.Type() != messages.TypeAck || late {
			s.fail("silence", "%s sent %s %d ticks into quiescence", from, bytes.TrimSpace(messages.Encode(m)), s.now-start)
		}
	}
	defer func() { s.onSend = nil }()
	s.Run(2*c.MaxRetransmitTicks + ackGrace + c.BatchTicks)
}
