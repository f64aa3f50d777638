package report

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"eddy/internal/store"
)

// fileNotes say what the run directory's usual files hold.
var fileNotes = map[string]string{
	"results.edn": "the results map, as printed", "results.json": "every figure, as JSON",
	"history.txt": "one op per line", "history.edn": "one op per line, EDN",
	"jepsen.log": "the console log", "net-journal.jsonl": "every network event",
	"lag.json": "eddy's scheduling lag and the model's head-of-line waits", "cost.json": "the nodes' CPU time and memory",
	"limit.json": "the limit and the excess", "messages.svg": "the Lamport diagram, full size",
	"faults.json": "kills, pauses, restarts and mute nodes", "run.json": "start time, seed, parameters, op count",
}

// bigFile is the size from which a file counts as big on the page.
const bigFile = 512 << 10

// runFiles lists every file of the run directory but the page itself, and
// the node logs, with their sizes; the directory's total size; and the
// big files by name. With gzipped, the files of store.Gzipped are listed under
// the .gz names they will have.
func runFiles(dir string, gzipped bool) (files []link, total, big string) {
	var sum int64
	var bigs []string
	add := func(name string, size int64, note string) {
		sizeText := bytesText(size)
		if gzipped && slices.Contains(store.Gzipped, name) {
			name += ".gz"
			sizeText += " before gzip"
		}
		sum += size
		files = append(files, link{Href: name, Name: name, Size: sizeText, Note: note})
		if size >= bigFile && !gzipped {
			bigs = append(bigs, fmt.Sprintf("%s (%s)", name, bytesText(size)))
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if name := e.Name(); e.Type().IsRegular() && name != "index.html" {
			info, err := e.Info()
			if err != nil {
				continue
			}
			add(name, info.Size(), fileNotes[name])
		}
	}
	logs, _ := filepath.Glob(filepath.Join(dir, "node-logs", "*.log"))
	for _, l := range logs {
		info, err := os.Stat(l)
		if err != nil {
			continue
		}
		add("node-logs/"+filepath.Base(l), info.Size(), "node stderr")
	}
	return files, bytesText(sum), strings.Join(bigs, ", ")
}

// bytesText renders a size in B, KiB or MiB.
func bytesText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
