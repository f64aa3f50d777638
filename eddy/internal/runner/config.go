package runner

import (
	"time"

	"eddy/internal/nemesis"
	"eddy/internal/netsim"
)

// Config is one test's parameters, already validated by the command line.
type Config struct {
	Bin  string   // node binary
	Args []string // arguments for the node binary

	Nodes       []string
	Concurrency int

	TimeLimit time.Duration
	Rate      float64 // ops per second across all workers; 0 = no client ops
	Latency   netsim.Latency
	Topology  string

	Faults          nemesis.Faults // --nemesis: partition, kill, pause
	NemesisInterval float64        // mean seconds between one generator's ops

	Availability string // "" | "total" | a number in [0, 1]

	LogStderr, LogNetSend, LogNetRecv bool

	Seed uint64

	// RecoveryWait is Maelstrom's fixed 10 s before the final reads; eddy
	// lets tests shorten it (--recovery-wait).
	RecoveryWait time.Duration

	StoreRoot string // "store", relative to the working directory
	// GzipStore compresses the run's big text files once it is over
	// (--gzip-store): see report.Gzipped.
	GzipStore bool
	NodeDir   string // the nodes' working directory (os.TempDir())
}

// Result is how a test ended.
type Result struct {
	ExitCode int    // 0 valid, 1 invalid, 2 unknown, 255 crashed, 130 interrupted
	Dir      string // the run's store directory, if it was created
	Lag      netsim.LagStats
}

// Exit codes beyond the checker's 0, 1 and 2.
const (
	ExitCrashed     = 255
	ExitInterrupted = 130
)
