package limit

import (
	"sort"

	"eddy/internal/history"
)

// span is a stretch of time [from, to) during which a node is down; to is
// never when it did not come back before the run ended.
type span struct{ from, to int64 }

// downs are each node's down spans (by node index), in time order and
// disjoint.
type downs [][]span

// nodeState is a node's process as the nemesis left it.
type nodeState int

const (
	running nodeState = iota
	stopped           // paused: down until resumed
	dead              // killed, or crashed: down until started again
	crashed           // exited on its own: down for good
)

// downsOf reads the process faults from the completions of h's kills,
// starts, pauses and resumes (their Outcomes value). A node is down from
// the completion that killed or paused it to the completion that started
// or resumed it: a killed node is back once it has answered init, which
// the start's completion follows. A node resumed while killed stays down;
// a node killed while paused stays down until it is started. A start or
// resume that failed (its completion carries an error, not outcomes)
// brings no node back; the next one that reports a node running does.
// Nodes the ops name that are not in index are ignored.
func downsOf(h history.History, index map[string]int) downs {
	d := make(downs, len(index))
	state := make([]nodeState, len(index))
	goDown := func(i int, at int64, s nodeState) {
		if state[i] == crashed {
			return
		}
		if state[i] == running {
			d[i] = append(d[i], span{from: at, to: never})
		}
		state[i] = s
	}
	comeBack := func(i int, at int64) {
		if state[i] != running && state[i] != crashed {
			d[i][len(d[i])-1].to = at
			state[i] = running
		}
	}
	for _, op := range h {
		out, ok := op.OutcomesValue()
		if op.IsClient() || !ok {
			continue
		}
		nodes := make([]string, 0, len(out.Of))
		for node := range out.Of {
			nodes = append(nodes, node)
		}
		sort.Strings(nodes)
		for _, node := range nodes {
			i, ok := index[node]
			if !ok {
				continue
			}
			switch out.Of[node] {
			case history.Killed:
				goDown(i, op.Time, dead)
			case history.Paused:
				if state[i] == running {
					goDown(i, op.Time, stopped)
				}
			case history.Crashed:
				goDown(i, op.Time, crashed)
			case history.Started:
				comeBack(i, op.Time)
			case history.AlreadyRunning:
				if state[i] == dead {
					comeBack(i, op.Time)
				}
			case history.Resumed:
				if state[i] == stopped {
					comeBack(i, op.Time)
				}
			}
		}
	}
	return d
}

// upAt is the earliest time at or after t at which node is up (never if
// it is down from some moment to the end).
func (d downs) upAt(node int, t int64) int64 {
	if node >= len(d) {
		return t
	}
	for _, s := range d[node] {
		if t < s.from {
			return t
		}
		if t < s.to {
			t = s.to
		}
	}
	return t
}

// world is everything that shapes the perfect broadcast besides the hop:
// the partitions and the process faults.
type world struct {
	cuts timeline
	down downs
}

// land is the earliest time at or after t at which a message from src can
// land at dest: a moment when dest is up and no partition in force blocks
// the link. A message that would arrive while dest is down lands when it
// is back (held at the door, or sent again to arrive then); one that would
// arrive across a cut lands at the heal that opens the link; each such
// moment is checked again against both.
func (w world) land(src, dest int, t int64) int64 {
	for t != never {
		if up := w.down.upAt(dest, t); up != t {
			t = up
			continue
		}
		i := w.cuts.at(t)
		if i < 0 || !w.cuts[i].blocked[dest][src] {
			return t
		}
		t = w.cuts[i].to
	}
	return never
}

// depart is the earliest moment at or after t at which node can send: a
// down node forwards nothing, and keeps what it had (perfect durability)
// to forward once it is back.
func (w world) depart(node int, t int64) int64 { return w.down.upAt(node, t) }
