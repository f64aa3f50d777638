package journal

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// Journal is what Read found.
type Journal struct {
	// Zero is the raw t of the clock-zero line (0 if there was none).
	Zero int64
	// Events are the events kept, in file order, their T and Due moved to
	// history time (raw − Zero).
	Events []Event
	// Truncated says more events would have been kept past the limit.
	Truncated bool
}

// Read reads a journal, keeping the events keep accepts (all when keep is
// nil), at most limit of them when limit > 0: reading stops there, so a
// long journal costs no more than a short one. The clock-zero line is not
// an event; it sets Zero.
func Read(r io.Reader, keep func(Event) bool, limit int) (Journal, error) {
	var j Journal
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for line := 1; sc.Scan(); line++ {
		var e Event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return Journal{}, fmt.Errorf("journal line %d: %w", line, err)
		}
		switch {
		case e.Ev == ClockZero:
			j.Zero = e.T
			continue
		case keep != nil && !keep(e):
			continue
		case limit > 0 && len(j.Events) == limit:
			j.Truncated = true
		}
		if j.Truncated {
			break
		}
		j.Events = append(j.Events, e)
	}
	if err := sc.Err(); err != nil {
		return Journal{}, err
	}
	for i := range j.Events {
		j.Events[i].T -= j.Zero
		if j.Events[i].Ev == Send {
			j.Events[i].Due -= j.Zero
		}
	}
	return j, nil
}

// ReadFile is Read of the journal file at path.
func ReadFile(path string, keep func(Event) bool, limit int) (Journal, error) {
	f, err := os.Open(path)
	if err != nil {
		return Journal{}, err
	}
	defer f.Close()
	return Read(f, keep, limit)
}
