package sim

// nemesis starts and stops partitions during the workload the way
// Maelstrom's partition nemesis does: the first start at once, then starts
// and stops strictly alternating, each Uniform[0, 2·mean) ticks after the
// previous one.
type nemesis struct {
	mean   int64 // zero: the nemesis is off
	nextAt int64
}

// arm turns the nemesis on with the given mean gap, acting from the next tick.
func (n *nemesis) arm(now, mean int64) { n.mean, n.nextAt = mean, now+1 }

// disarm stops the nemesis; it leaves whatever partition is in force.
func (n *nemesis) disarm() { n.mean = 0 }

func (n *nemesis) step(s *Sim) {
	if n.mean == 0 || s.now < n.nextAt {
		return
	}
	if s.cut == nil {
		s.startPartition(pick(s.rng, allShapes))
	} else {
		s.Heal()
	}
	n.nextAt = s.now + s.rng.Int64N(2*n.mean)
}

// startPartition starts a partition of the given shape, replacing any in force.
func (s *Sim) startPartition(sh shape) {
	s.setCuts(string(sh), partition(sh, s.ids, s.rng))
}

// Isolate cuts the given node off from every other node, both ways.
func (s *Sim) Isolate(id string) {
	s.setCuts("isolate", split([]string{id}, without(s.ids, id)))
}

// Heal ends any partition.
func (s *Sim) Heal() {
	s.cut = nil
	s.trace.begin(s.now, "heal").end()
}

func (s *Sim) setCuts(name string, c cuts) {
	s.cut = c
	s.trace.begin(s.now, "partition").word(name).word(c.String()).end()
}
