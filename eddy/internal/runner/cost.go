package runner

import (
	"os"

	"eddy/internal/store"
	"eddy/internal/summary"
)

// writeCost stores the nodes' CPU time per 1000 client operations and their
// peak memory in cost.json; the closing summary prints them. Like the lag
// figures they are eddy's own: Maelstrom has no such figure. Nothing is
// written when no node could say what it used.
func writeCost(dir *store.Dir, c *summary.Cost) {
	if c == nil {
		return
	}
	_ = os.WriteFile(dir.File("cost.json"), c.JSON(), 0o644)
}
