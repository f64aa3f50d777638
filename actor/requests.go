package actor

import (
	"fmt"
	"slices"

	"rumor/messages"
)

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
	n.reply(m, b.Request, messages.InitOK{}, out)
	n.unannounced = n.cfg.Incarnation != 0
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

func (n *Node) onTopology(m messages.Message, b messages.Topology, out *Output) {
	if n.self == "" {
		n.fail(m, b.Request, messages.CodeTemporarilyUnavailable, "topology before init", out)
		return
	}
	var neighbours []string
	for _, id := range b.Topology[n.self] {
		switch {
		case id == n.self:
		case !n.isPeer(id):
			out.problem(fmt.Sprintf("topology names unknown node %q; ignoring it", id))
		default:
			neighbours = append(neighbours, id)
		}
	}
	slices.Sort(neighbours)
	n.strategy.offered(slices.Compact(neighbours))
	n.reply(m, b.Request, messages.TopologyOK{}, out)
}

func (n *Node) onBroadcast(m messages.Message, b messages.Broadcast, out *Output) {
	if n.self == "" {
		// Refusing is safe: code 11 is definite, so the client knows the value
		// was not accepted. Accepting it would mean holding a value we could
		// not yet spread.
		n.fail(m, b.Request, messages.CodeTemporarilyUnavailable, "broadcast before init", out)
		return
	}
	n.accept(b.Message, "", false)
	n.reply(m, b.Request, messages.BroadcastOK{}, out)
}

func (n *Node) onRead(m messages.Message, b messages.Read, out *Output) {
	if n.self == "" {
		n.fail(m, b.Request, messages.CodeTemporarilyUnavailable, "read before init", out)
		return
	}
	n.reply(m, b.Request, messages.ReadOK{Messages: n.store.all()}, out)
}
