package runner

import (
	"eddy/internal/checker"
	"eddy/internal/history"
	"eddy/internal/netsim"
)

// analyse hands the history and the journal's counts to the checker. It is
// the one place the runner meets the analysis side.
func analyse(h history.History, counts netsim.Counts, availability string) *checker.Results {
	group := func(g netsim.Group) checker.NetGroup {
		return checker.NetGroup{SendCount: g.SendCount, RecvCount: g.RecvCount, MsgCount: g.MsgCount}
	}
	net := checker.NetCounts{All: group(counts.All), Clients: group(counts.Clients), Servers: group(counts.Servers)}
	return checker.Check(h, net, checker.Options{Availability: availability})
}
