package journal

// FileName is the journal's name in a run directory.
const FileName = "net-journal.jsonl"

// The kinds of event, as the "ev" field spells them.
const (
	Send      = "send"       // a send the network accepted (dropped ones too)
	Recv      = "recv"       // a delivery
	Drop      = "drop"       // a message a partition discarded at its destination
	ClockZero = "clock-zero" // the moment that is history time 0
)

// Event is one line of the journal.
type Event struct {
	T       int64  `json:"t"`  // ns since the network was made; Read moves it to history time
	Ev      string `json:"ev"` // Send, Recv, Drop or ClockZero
	ID      int64  `json:"id"`
	Src     string `json:"src"`
	Dest    string `json:"dest"`
	Type    string `json:"type"`              // the body's type
	Due     int64  `json:"due,omitempty"`     // a send's delivery deadline (same clock as T)
	Dropped bool   `json:"dropped,omitempty"` // set on Drop events
}
