package netsim

// grudge is the partition state: for each destination, the set of sources
// whose messages it drops. It is immutable once built; the network swaps
// whole grudges atomically, so a delivery loop's check never takes a lock.
type grudge map[string]map[string]struct{}

func newGrudge(drops map[string][]string) grudge {
	g := make(grudge, len(drops))
	for dest, srcs := range drops {
		set := make(map[string]struct{}, len(srcs))
		for _, s := range srcs {
			set[s] = struct{}{}
		}
		g[dest] = set
	}
	return g
}

func (g grudge) drops(src, dest string) bool {
	if g == nil {
		return false
	}
	_, ok := g[dest][src]
	return ok
}
