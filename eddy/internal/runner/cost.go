package runner

import (
	"encoding/json"
	"fmt"
	"os"

	"eddy/internal/console"
	"eddy/internal/history"
	"eddy/internal/proc"
	"eddy/internal/store"
)

// reportCost prints the nodes' CPU time per 1000 client operations and
// their peak memory beside the verdict, and stores the figures in
// cost.json. Like the lag line it is eddy's own: Maelstrom has no such
// figure.
func reportCost(out *console.Console, dir *store.Dir, us []proc.Usage, h history.History) {
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
	out.Print(fmt.Sprintf("eddy: node cost cpu=%.2fs (%.3fs per 1000 ops over %d ops) peak-rss mean=%.1fMiB max=%.1fMiB (%d nodes)\n",
		cpu, per1000, ops, rssMean, float64(rssMax)/mib, len(us)))
	raw, _ := json.MarshalIndent(map[string]any{
		"nodes":                    len(us),
		"ops":                      ops,
		"cpu_seconds":              cpu,
		"cpu_seconds_per_1000_ops": per1000,
		"peak_rss_mean_mib":        rssMean,
		"peak_rss_max_mib":         float64(rssMax) / mib,
	}, "", "  ")
	_ = os.WriteFile(dir.File("cost.json"), append(raw, '\n'), 0o644)
}
