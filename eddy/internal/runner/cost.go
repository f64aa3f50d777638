package runner

import (
	"fmt"
	"os"

	"eddy/internal/console"
	"eddy/internal/store"
	"eddy/internal/summary"
)

// reportCost prints the nodes' CPU time per 1000 client operations and
// their peak memory beside the verdict, and stores the figures in
// cost.json. Like the lag figures it is eddy's own: Maelstrom has no such
// figure. Nothing is printed when no node could say what it used.
func reportCost(out *console.Console, dir *store.Dir, c *summary.Cost) {
	if c == nil {
		return
	}
	out.Print(fmt.Sprintf("eddy: node cost cpu=%.2fs (%.3fs per 1000 ops over %d ops) peak-rss mean=%.1fMiB max=%.1fMiB (%d nodes)\n",
		c.CPUSeconds, c.CPUPer1000Ops, c.Ops, c.PeakRSSMeanMiB, c.PeakRSSMaxMiB, c.Nodes))
	_ = os.WriteFile(dir.File("cost.json"), c.JSON(), 0o644)
}
