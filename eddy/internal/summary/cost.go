package summary

import (
	"encoding/json"

	"eddy/internal/history"
	"eddy/internal/proc"
)

// Cost is what the node processes used over the run: eddy's own figure,
// which Maelstrom does not have.
type Cost struct {
	Nodes          int     `json:"nodes"`
	Ops            int     `json:"ops"` // client invocations
	CPUSeconds     float64 `json:"cpu_seconds"`
	CPUPer1000Ops  float64 `json:"cpu_seconds_per_1000_ops"`
	PeakRSSMeanMiB float64 `json:"peak_rss_mean_mib"`
	PeakRSSMaxMiB  float64 `json:"peak_rss_max_mib"`
}

// CostOf adds up the nodes' usage against the history's client
// invocations; nil when no node could say what it used.
func CostOf(us []proc.Usage, h history.History) *Cost {
	if len(us) == 0 {
		return nil
	}
	c := &Cost{Nodes: len(us)}
	for _, op := range h {
		if op.Type == history.Invoke && op.IsClient() {
			c.Ops++
		}
	}
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

// JSON is cost.json: the figures, indented, ending with a newline.
func (c *Cost) JSON() []byte {
	raw, _ := json.MarshalIndent(c, "", "  ")
	return append(raw, '\n')
}
