package actor

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"rumor/messages"
)

// A node learns whether it starts a new test or was restarted within one
// from who sends it init. Maelstrom opens clients with ids c0, c1, … from
// one counter per test, and the first clients of a test are the ones that
// init its nodes, c0 … c(N-1) for N nodes (eddy/docs/SEMANTICS.md §1.7).
// A node restarted after a kill gets its init from a client opened later,
// with a larger number (§12.6). So init from c<i> with i < N starts a test
// afresh: whatever log the node's id has from before belongs to an earlier
// test and is discarded. Init from anyone else is a restart: the log is read
// back, and the node rejoins its peers with what it held (progress.go).
// Within one machine, logs are also kept apart by test (the shell's test
// key), so this rule matters for the tests one harness runs in a row.

// freshStart reports whether an init from src, in a cluster of size nodes,
// starts a new test.
func freshStart(src string, size int) bool {
	digits, ok := strings.CutPrefix(src, "c")
	if !ok {
		return false
	}
	i, err := strconv.Atoi(digits)
	return err == nil && i >= 0 && i < size
}

func (n *Node) onInit(m messages.Message, b messages.Init, out *Output) {
	if err := validateInit(b); err != nil {
		n.fail(m, b.Request, messages.CodeMalformedRequest, err.Error(), out)
		return
	}
	if n.self != "" {
		if n.self != b.NodeID || !slices.Equal(n.nodes, b.NodeIDs) {
			n.fail(m, b.Request, messages.CodeAbort, fmt.Sprintf("already initialised as %s", n.self), out)
			return
		}
		n.reply(m, b.Request, messages.InitOK{}, out)
		return
	}
	// The log comes first: init_ok must not go out before the node holds
	// what it held before a restart.
	n.wait(m)
	out.OpenLog = &OpenLog{Node: b.NodeID, Fresh: freshStart(m.Src, len(b.NodeIDs))}
}

// recovered finishes init once the log is open.
func (n *Node) recovered(r Recovered, out *Output) {
	m := n.unwait()
	b := m.Body.(messages.Init)
	for _, p := range r.Problems {
		out.note("log: " + p)
	}
	if r.Err != nil {
		out.note(fmt.Sprintf("cannot open the log (%v): broadcasts will be refused (error 11) and gossip left unacknowledged until it can be written", r.Err))
	}
	n.initialise(b)
	for _, v := range r.Values {
		n.store.add(v)
	}
	if !freshStart(m.Src, len(b.NodeIDs)) {
		n.rejoin(out)
	}
	n.reply(m, b.Request, messages.InitOK{}, out)
}

// initialise sets the node up as init says.
func (n *Node) initialise(b messages.Init) {
	n.self = b.NodeID
	n.nodes = slices.Clone(b.NodeIDs)
	n.links = make(map[string]*link)
	for _, id := range n.nodes {
		if id != n.self {
			n.peers = append(n.peers, id)
			n.links[id] = newLink(id, linkPhase(n.self, id, n.cfg.MaxRetransmitTicks), n.cfg.Incarnation)
		}
	}
	slices.Sort(n.peers)
	n.batch = batchTicks(n.cfg.BatchTicks, len(n.nodes))
	n.strategy.start(n)
}

func validateInit(b messages.Init) error {
	if len(b.NodeIDs) == 0 {
		return fmt.Errorf("node_ids is empty")
	}
	seen := make(map[string]bool, len(b.NodeIDs))
	for _, id := range b.NodeIDs {
		if id == "" {
			return fmt.Errorf("node_ids contains an empty id")
		}
		if seen[id] {
			return fmt.Errorf("node_ids lists %s twice", id)
		}
		seen[id] = true
	}
	if !seen[b.NodeID] {
		return fmt.Errorf("node_id %q is not in node_ids", b.NodeID)
	}
	return nil
}
