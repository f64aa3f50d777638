package actor

import "rumor/messages"

// chooseHub returns the first node in init order that is this node or
// believed reachable. Every node walks the same order, so all nodes on one
// side of a partition agree on a hub without exchanging a word.
func (n *Node) chooseHub() string {
	for _, id := range n.nodes {
		if id == n.self || n.reachable[id] {
			return id
		}
	}
	return n.self
}

// switchHub moves this node's client traffic to a new hub. Whatever the old
// hub has not acknowledged is queued for the new route too, so a value never
// waits on a node that cannot be reached; the old link keeps its queue and
// keeps retrying (with backoff), which is how the old hub proves it is back.
func (n *Node) switchHub(to string) {
	from := n.hub
	if to == from {
		return
	}
	n.hub = to
	stranded := n.links[from]
	if stranded == nil { // from was this node: nothing is stranded
		return
	}
	targets := []string{to}
	if to == n.self {
		targets = n.peersExcept(from)
	}
	for _, p := range targets {
		requeue(n.links[p], n.now, stranded.unacked)
		if p == to {
			n.links[p].markRelay()
		}
	}
}

// requeue adds the values l does not already hold. Hubs can flap under
// asymmetric partitions; without this check every flap would copy the same
// values again and the queue would grow with time, not with values.
func requeue(l *link, now int64, vs []messages.Value) {
	held := make(map[messages.Value]bool, len(l.unacked))
	for _, v := range l.unacked {
		held[v] = true
	}
	var fresh []messages.Value
	for _, v := range vs {
		if !held[v] {
			fresh = append(fresh, v)
		}
	}
	if len(fresh) > 0 {
		l.enqueue(now, fresh...)
	}
}
