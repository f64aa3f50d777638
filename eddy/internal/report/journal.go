package report

import (
	"bufio"
	"encoding/json"
	"os"
)

// netEvent is one line of net-journal.jsonl, its time shifted to the
// history clock.
type netEvent struct {
	T    int64  `json:"t"`
	Ev   string `json:"ev"` // send, recv, drop or clock-zero
	ID   int64  `json:"id"`
	Src  string `json:"src"`
	Dest string `json:"dest"`
	Type string `json:"type"`
}

// readJournal returns the first limit send/recv/drop events of the
// journal, leaving out init and init_ok as Maelstrom's diagram does, and
// whether more followed. Reading stops there, so a long journal costs no
// more than a short one.
func readJournal(path string, limit int) (events []netEvent, truncated bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	var zero int64
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		var e netEvent
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return nil, false, err
		}
		switch {
		case e.Ev == "clock-zero":
			zero = e.T
			continue
		case e.Type == "init" || e.Type == "init_ok":
			continue
		case len(events) == limit:
			truncated = true
		}
		if truncated {
			break
		}
		events = append(events, e)
	}
	if err := sc.Err(); err != nil {
		return nil, false, err
	}
	for i := range events {
		events[i].T -= zero
	}
	return events, truncated, nil
}
