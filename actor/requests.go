package actor

import (
	"fmt"
	"slices"

	"rumor/messages"
)

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
	n.strategy.offered(n, slices.Compact(neighbours))
	n.reply(m, b.Request, messages.TopologyOK{}, out)
}

func (n *Node) onBroadcast(m messages.Message, b messages.Broadcast, durable bool, out *Output) {
	if n.self == "" {
		// Refusing is safe: code 11 is definite, so the client knows the value
		// was not accepted. Accepting it would mean holding a value we could
		// not yet spread.
		n.fail(m, b.Request, messages.CodeTemporarilyUnavailable, "broadcast before init", out)
		return
	}
	if !durable && n.persistFirst(m, []messages.Value{b.Message}, out) {
		return
	}
	// The value leaves for its first peers in this step's output, beside
	// the broadcast_ok (see urgent in link.go): the node never holds a value
	// it acknowledged alone for longer than a link takes.
	n.accept(b.Message, "")
	n.reply(m, b.Request, messages.BroadcastOK{}, out)
}

func (n *Node) onRead(m messages.Message, b messages.Read, out *Output) {
	if n.self == "" {
		n.fail(m, b.Request, messages.CodeTemporarilyUnavailable, "read before init", out)
		return
	}
	n.reply(m, b.Request, messages.ReadOK{Messages: n.store.all()}, out)
}
