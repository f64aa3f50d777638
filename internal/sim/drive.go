package sim

import "rumor/actor"

// stepNode applies ev to node id as the shell would, completing any write
// its output asks for, and takes every output onto the network.
func (s *Sim) stepNode(id string, ev actor.Event) {
	n := s.nodes[id]
	out := n.Step(ev)
	next, write := actor.Write(nil, out)
	s.handle(id, out)
	if write {
		s.handle(id, n.Step(next))
	}
}
