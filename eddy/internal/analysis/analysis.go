package analysis

import (
	"time"

	"eddy/internal/checker"
	"eddy/internal/faults"
	"eddy/internal/history"
	"eddy/internal/limit"
	"eddy/internal/netsim"
	"eddy/internal/proc"
)

// Input is everything a finished run hands to its analysis.
type Input struct {
	History history.History
	// Net is the journal's :net counts; Lag the delivery loops' lag, and
	// HeadOfLine the model's own waits it is measured against.
	Net        netsim.Counts
	Lag        netsim.LagSamples
	HeadOfLine netsim.HeadOfLine
	// Nodes are the run's nodes, in order; Latency its latency model.
	Nodes   []string
	Latency netsim.Latency
	// Availability is the --availability goal ("" for none).
	Availability string
	// Usages are the node processes' resource use, one per node (all of a
	// node's processes as one); Mute the nodes eddy stopped reading (§1.6),
	// in node order.
	Usages []proc.Usage
	Mute   []string
}

// Run is the analysis of one run.
type Run struct {
	// Results is the checker's results map.
	Results *checker.Results
	// Ops is the number of client invocations: the denominator of
	// msgs-per-op and of CPU per 1000 ops.
	Ops int
	// Timeline is the run's faults; Limit the perfect broadcast on it.
	Timeline faults.Timeline
	Limit    limit.Result
	// Faults counts the process faults and names the mute nodes.
	Faults Faults
	// Cost is the nodes' CPU and memory; nil when no node could say.
	Cost *Cost
	// Lag is eddy's scheduling lag, judged against the latency.
	Lag Lag
}

// Analyse runs the checker and the limit over the history and derives
// every other figure of the run.
func Analyse(in Input) Run {
	results := checker.Check(in.History, netCounts(in.Net), checker.Options{Availability: in.Availability})
	r := Run{Results: results, Ops: results.Net.OpCount, Timeline: faults.Of(in.History, in.Nodes)}
	r.Limit = limit.Compute(in.History, results.Workload, limit.Network{Nodes: in.Nodes, Hop: in.Latency.Expected(), Faults: &r.Timeline})
	r.Faults = faultsOf(r.Timeline.Counts, in.Mute)
	r.Cost = costOf(in.Usages, r.Ops)
	r.Lag = LagOf(in.Lag, time.Duration(in.Latency.MeanMillis)*time.Millisecond)
	r.Lag.HeadOfLine = HeadOfLineOf(in.HeadOfLine)
	return r
}

// netCounts hands the journal's counts to the checker in its own terms.
func netCounts(c netsim.Counts) checker.NetCounts {
	group := func(g netsim.Group) checker.NetGroup {
		return checker.NetGroup{SendCount: g.SendCount, RecvCount: g.RecvCount, MsgCount: g.MsgCount}
	}
	return checker.NetCounts{All: group(c.All), Clients: group(c.Clients), Servers: group(c.Servers)}
}
