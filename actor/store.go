package actor

import "rumor/messages"

// valueStore is the set of values a node has accepted, kept in arrival order
// so reads can return it without sorting or copying.
type valueStore struct {
	seen   map[messages.Value]struct{}
	values []messages.Value
}

func newValueStore() valueStore {
	return valueStore{seen: make(map[messages.Value]struct{})}
}

// add stores v and reports whether it was new.
func (s *valueStore) add(v messages.Value) bool {
	if _, dup := s.seen[v]; dup {
		return false
	}
	s.seen[v] = struct{}{}
	s.values = append(s.values, v)
	return true
}

// has reports whether v is stored.
func (s *valueStore) has(v messages.Value) bool {
	_, ok := s.seen[v]
	return ok
}

// all returns every value accepted so far. The slice is shared: values are
// only ever appended, so the elements it covers never change.
func (s *valueStore) all() []messages.Value { return s.values[:len(s.values):len(s.values)] }
