package actor

import "rumor/messages"

// Storage is a node's log, kept by the shell: where values are written
// before the node acknowledges them (durable.go) and read back when it is
// restarted (recovery.go). A Loop calls it on its own goroutine, between
// two steps of its node.
type Storage interface {
	// Open opens the log of node. With fresh, it starts empty, and whatever
	// an earlier test left is discarded; otherwise it is read back: the
	// values it holds, one line per problem met (a torn or corrupt record),
	// and an error only if it cannot be used at all.
	Open(node string, fresh bool) (values []messages.Value, problems []string, err error)
	// Append writes values to the log, with one write.
	Append(values []messages.Value) error
}

// Write does the write out asks for, if any, with s, and returns the event
// that reports it (Recovered or Persisted), which must be stepped next. A
// nil Storage keeps nothing: every write succeeds and a log opens empty,
// for nodes that are never restarted (tests, examples).
func Write(s Storage, out Output) (Event, bool) {
	switch {
	case out.OpenLog != nil:
		if s == nil {
			return Recovered{}, true
		}
		values, problems, err := s.Open(out.OpenLog.Node, out.OpenLog.Fresh)
		return Recovered{Values: values, Problems: problems, Err: err}, true
	case len(out.Persist) > 0:
		if s == nil {
			return Persisted{}, true
		}
		return Persisted{Err: s.Append(out.Persist)}, true
	}
	return nil, false
}
