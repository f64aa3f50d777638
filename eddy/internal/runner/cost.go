package runner

import (
	"encoding/json"
	"fmt"
	"os"

	"eddy/internal/history"
	"eddy/internal/proc"
)

// usages returns what each node process used, in node order, for the nodes
// that can say (real processes, after teardown).
func (c *cluster) usages() []proc.Usage {
	c.mu.Lock()
	defer c.mu.Unlock()
	var us []proc.Usage
	for _, id := range c.r.cfg.Nodes {
		if n, ok := c.nodes[id].(interface{ Usage() (proc.Usage, bool) }); ok {
			if u, ok := n.Usage(); ok {
				us = append(us, u)
			}
		}
	}
	return us
}

// reportCost prints the nodes' CPU time per 1000 client operations and
// their peak memory beside the verdict, and stores the figures in
// cost.json. Like the lag line it is eddy's own: Maelstrom has no such
// figure.
func (r *run) reportCost(h history.History) {
	us := r.cluster.usages()
	if len(us) == 0 {
		return
	}
	ops := 0
	for _, op := range h {
		if op.Type == history.Invoke && op.IsClient() {
			ops++
		}
	}
	var cpu float64
	var rssMax, rssSum int64
	for _, u := range us {
		cpu += u.CPU.Seconds()
		rssMax = max(rssMax, u.PeakRSS)
		rssSum += u.PeakRSS
	}
	const mib = 1 << 20
	per1000 := 0.0
	if ops > 0 {
		per1000 = cpu / float64(ops) * 1000
	}
	rssMean := float64(rssSum) / float64(len(us)) / mib
	r.out.Print(fmt.Sprintf("eddy: node cost cpu=%.2fs (%.3fs per 1000 ops over %d ops) peak-rss mean=%.1fMiB max=%.1fMiB (%d nodes)\n",
		cpu, per1000, ops, rssMean, float64(rssMax)/mib, len(us)))
	raw, _ := json.MarshalIndent(map[string]any{
		"nodes":                    len(us),
		"ops":                      ops,
		"cpu_seconds":              cpu,
		"cpu_seconds_per_1000_ops": per1000,
		"peak_rss_mean_mib":        rssMean,
		"peak_rss_max_mib":         float64(rssMax) / mib,
	}, "", "  ")
	_ = os.WriteFile(r.dir.File("cost.json"), append(raw, '\n'), 0o644)
}
