package checker

import "eddy/internal/history"

// checkNet is Maelstrom's network checker: the journal counts as given, plus
// msgs-per-op on :all and :servers when there was at least one client
// invocation. It is always valid.
func checkNet(h history.History, counts NetCounts) Net {
	opCount := 0
	for _, op := range h {
		if op.Type == history.Invoke && op.IsClient() {
			opCount++
		}
	}
	n := Net{
		All:     fromGroup(counts.All),
		Clients: fromGroup(counts.Clients),
		Servers: fromGroup(counts.Servers),
		Valid:   True,
		OpCount: opCount,
	}
	if opCount > 0 {
		n.All.setMsgsPerOp(opCount)
		n.Servers.setMsgsPerOp(opCount)
	}
	return n
}

func fromGroup(g NetGroup) NetStats {
	return NetStats{SendCount: g.SendCount, RecvCount: g.RecvCount, MsgCount: g.MsgCount}
}

func (s *NetStats) setMsgsPerOp(opCount int) {
	s.MsgsPerOp = ratioFloat32(int64(s.MsgCount), int64(opCount))
	s.HasMsgsPerOp = true
}
