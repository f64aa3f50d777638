package store

import (
	"bufio"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// LogFile is the console log's name in a run directory.
const LogFile = "jepsen.log"

// The lines the runner logs when a run ends without analysis; ReadEnding
// looks for them.
const (
	// CrashedLine starts a crash report; the lines after it say why.
	CrashedLine = "Test crashed!"
	// InterruptedLine says Ctrl-C or a signal stopped the run.
	InterruptedLine = "Interrupted; every node was killed."
)

// CreateLog creates the run's console log, which the console tees every
// line into.
func (d *Dir) CreateLog() (*os.File, error) { return os.Create(d.File(LogFile)) }

// Ending is how a run without results ended, as its console log says.
type Ending struct {
	Verdict string // "crashed", "interrupted" or "no results"
	Reason  string // the crash report's first lines, or what the log shows
}

// ReadEnding reads how a run without results ended from its console log
// (gzipped or not): a crash (the lines after CrashedLine say why), an
// interrupt, or nothing said at all (still running, or eddy was killed).
func (d *Dir) ReadEnding() Ending {
	r, closeFile, err := d.openMaybeGzipped(LogFile)
	if err != nil {
		return Ending{Verdict: "no results", Reason: "no log"}
	}
	defer closeFile()
	raw, err := io.ReadAll(r)
	if err != nil {
		return Ending{Verdict: "no results", Reason: "no log"}
	}
	log := string(raw)
	if _, after, ok := strings.Cut(log, CrashedLine); ok {
		var why []string
		for _, line := range strings.Split(after, "\n") {
			line = strings.TrimSpace(line)
			if isLogLine(line) || len(why) == 3 {
				break
			}
			if line != "" {
				why = append(why, line)
			}
		}
		return Ending{Verdict: "crashed", Reason: strings.Join(why, " ")}
	}
	if strings.Contains(log, InterruptedLine) {
		return Ending{Verdict: "interrupted", Reason: "stopped by Ctrl-C or a signal"}
	}
	return Ending{Verdict: "no results", Reason: "the log ends without a verdict: still running, or eddy was killed"}
}

// isLogLine reports whether line starts a new console log entry
// ("INFO [2026-…", "WARN [2026-…").
func isLogLine(line string) bool {
	for _, level := range []string{"INFO [", "WARN [", "ERROR [", "DEBUG ["} {
		if strings.HasPrefix(line, level) {
			return true
		}
	}
	return false
}

// NodeLogDir holds each node's stderr, node-logs/<id>.log.
const NodeLogDir = "node-logs"

// NodeLog is the path of node id's stderr log. Every process the node
// ever had appends to it, restarts included; lines are written as the
// node wrote them.
func (d *Dir) NodeLog(id string) string { return filepath.Join(d.Path(), NodeLogDir, id+".log") }

// ReadNodeLogs reads every node's stderr log, line by line, by node id;
// a run whose nodes wrote nothing has empty logs, and a run with no
// node-logs directory none.
func (d *Dir) ReadNodeLogs() (map[string][]string, error) {
	paths, err := filepath.Glob(filepath.Join(d.Path(), NodeLogDir, "*.log"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	logs := make(map[string][]string, len(paths))
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		var lines []string
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 64<<10), 1<<26)
		for sc.Scan() {
			lines = append(lines, sc.Text())
		}
		f.Close()
		if err := sc.Err(); err != nil && !errors.Is(err, io.EOF) {
			return nil, err
		}
		logs[strings.TrimSuffix(filepath.Base(p), ".log")] = lines
	}
	return logs, nil
}
