package analysis

import "eddy/internal/proc"

// Cost is what the node processes used over the run: eddy's own figure,
// which Maelstrom does not have. It is cost.json's content.
type Cost struct {
	Nodes          int     `json:"nodes"`
	Ops            int     `json:"ops"` // client invocations, as Run.Ops
	CPUSeconds     float64 `json:"cpu_seconds"`
	CPUPer1000Ops  float64 `json:"cpu_seconds_per_1000_ops"`
	PeakRSSMeanMiB float64 `json:"peak_rss_mean_mib"`
	PeakRSSMaxMiB  float64 `json:"peak_rss_max_mib"`
}

// costOf adds up the nodes' usage against ops client invocations; nil
// when no node could say what it used.
func costOf(us []proc.Usage, ops int) *Cost {
	if len(us) == 0 {
		return nil
	}
	c := &Cost{Nodes: len(us), Ops: ops}
	const mib = 1 << 20
	var rssSum int64
	for _, u := range us {
		c.CPUSeconds += u.CPU.Seconds()
		c.PeakRSSMaxMiB = max(c.PeakRSSMaxMiB, float64(u.PeakRSS)/mib)
		rssSum += u.PeakRSS
	}
	if c.Ops > 0 {
		c.CPUPer1000Ops = c.CPUSeconds / float64(c.Ops) * 1000
	}
	c.PeakRSSMeanMiB = float64(rssSum) / float64(len(us)) / mib
	return c
}
