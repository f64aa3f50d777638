package sim

import (
	"errors"

	"rumor/actor"
)

// errDiskFull is the failure of a simulated append.
var errDiskFull = errors.New("no space left on device")

// stepNode applies ev to node id as the shell would: it does the write the
// output asks for on the simulated disk, then steps its report, and takes
// both outputs onto the network. A kill armed for this write (process.go)
// lands in it: a random part of the append reaches the disk and nothing
// of either step goes out.
func (s *Sim) stepNode(id string, ev actor.Event) {
	n := s.nodes[id]
	out := n.Step(ev)
	var next actor.Event
	switch {
	case out.OpenLog != nil:
		values, problems := s.disk.open(out.OpenLog.Node, out.OpenLog.Fresh)
		next = actor.Recovered{Values: values, Problems: problems}
	case len(out.Persist) > 0:
		if s.procs[id].dieInWrite {
			s.disk.append(id, out.Persist, s.rng.IntN(recordsLen(out.Persist)+1))
			s.stats.Torn++
			s.die(id, "kill-in-write")
			return
		}
		if s.faultsOn && s.roll(s.sc.Faults.DiskFailPercent) {
			next = actor.Persisted{Err: errDiskFull}
			break
		}
		s.disk.append(id, out.Persist, -1)
		next = actor.Persisted{}
	}
	s.handle(id, out)
	if next != nil {
		s.handle(id, n.Step(next))
	}
}
