package proc

import "sync"

// tailSize is how many lines Maelstrom keeps per stream for crash reports.
const tailSize = 32

// tail is a ring of the most recent lines of one stream.
type tail struct {
	mu    sync.Mutex
	lines [tailSize]string
	next  int
	full  bool
}

func (t *tail) add(line string) {
	t.mu.Lock()
	t.lines[t.next] = line
	t.next = (t.next + 1) % tailSize
	if t.next == 0 {
		t.full = true
	}
	t.mu.Unlock()
}

// snapshot returns the kept lines, oldest first.
func (t *tail) snapshot() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.full {
		return append([]string(nil), t.lines[:t.next]...)
	}
	out := make([]string, 0, tailSize)
	out = append(out, t.lines[t.next:]...)
	return append(out, t.lines[:t.next]...)
}
