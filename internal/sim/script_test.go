package sim

// script reads fuzz input as a stream of small decisions. Reading past the
// end yields zeros, so every input, however short, is a complete script.
type script struct {
	b []byte
	i int
}

func (s *script) done() bool { return s.i >= len(s.b) }

func (s *script) byte() byte {
	if s.done() {
		return 0
	}
	s.i++
	return s.b[s.i-1]
}

// intn returns a number in [0, n).
func (s *script) intn(n int) int { return int(s.byte()) % n }

// bytes returns up to n raw bytes.
func (s *script) bytes(n int) []byte {
	end := min(s.i+n, len(s.b))
	out := s.b[s.i:end]
	s.i = end
	return out
}

// number returns a sequence number or ack: usually small, so that it means
// something to the node, sometimes anywhere up to the largest uint64.
func (s *script) number() uint64 {
	switch k := s.byte(); {
	case k < 200:
		return uint64(k % 20)
	case k < 250:
		return uint64(s.byte())<<8 | uint64(s.byte())
	default:
		return ^uint64(0) - uint64(s.byte())
	}
}
