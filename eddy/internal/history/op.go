package history

// Type is how far an operation has got: invoked, or completed one of three ways.
type Type int

// The four operation types Jepsen records.
const (
	Invoke Type = iota // the client sent the request
	OK                 // the operation definitely happened
	Fail               // the operation definitely did not happen
	Info               // the outcome is unknown (timeout, indefinite error, exception)
)

// String renders the type as Jepsen prints it, keyword colon included.
func (t Type) String() string {
	switch t {
	case Invoke:
		return ":invoke"
	case OK:
		return ":ok"
	case Fail:
		return ":fail"
	case Info:
		return ":info"
	}
	return ":unknown"
}

// NemesisProcess is the Process of every nemesis operation; Jepsen prints it
// as :nemesis.
const NemesisProcess = -1

// Function names used by the broadcast workload and the nemesis: the
// partition flip-flop, and the process faults (kill and start, pause and
// resume).
const (
	FBroadcast      = "broadcast"
	FRead           = "read"
	FStartPartition = "start-partition"
	FStopPartition  = "stop-partition"
	FKill           = "kill"
	FStart          = "start"
	FPause          = "pause"
	FResume         = "resume"
)

// Op is one history entry. Its Value has a type per kind of op (see Value).
type Op struct {
	Index     int
	Time      int64 // nanoseconds on the run's relative clock
	Type      Type
	Process   int // worker process id, or NemesisProcess
	F         string
	Value     Value
	Error     string // EDN text of the error, e.g. ":net-timeout"; empty if none
	Exception string // set when an :info came from an exception (malformed reply)
	Final     bool   // the final read of the run's last phase
	// Node is the node a client op went to, set by eddy on the invocation
	// and the completion alike (a worker always talks to one node, §3.1);
	// "" for nemesis ops. It is eddy's own fact, not part of Maelstrom's
	// history: history.edn and history.txt do not print it.
	Node string
	// Landed is when the op's request reached its node, on the same clock
	// as Time, set by eddy on the completion of a client op whose request
	// was handed to the node; 0 when it was not or is not known (a
	// history read back from a file). The request waits behind whatever
	// server message the node's delivery loop is sleeping on, so it lands
	// after the invocation, and the limit floods and answers from then
	// (package limit). Like Node, it is not part of Maelstrom's history.
	Landed int64
}

// IsClient reports whether the op came from a client worker rather than the
// nemesis.
func (o Op) IsClient() bool { return o.Process != NemesisProcess }

// History is a run's operations in index order.
type History []Op

// Append adds op with the next dense index and returns that index.
func (h *History) Append(op Op) int {
	op.Index = len(*h)
	*h = append(*h, op)
	return op.Index
}
