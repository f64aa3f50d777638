package report

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"html/template"
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

//go:embed runs.html.tmpl
var runsSource string

var runsTemplate = template.Must(template.New("runs").Parse(runsSource))

// storedRun is one run directory as the listing shows it.
type storedRun struct {
	Test, Stamp string
	Path        string // URL path of the run directory, with a trailing slash
	Class       string // valid, invalid or unknown
	Verdict     string // results.json's valid?; "crashed", "interrupted" or "no results" without one
	Reason      string // why a run without results ended, from its jepsen.log
	HasIndex    bool
	started     time.Time
}

// Handler serves the store directory root read-only, as maelstrom serve
// does: "/" lists every run, newest first, with its verdict and a link to
// its index.html; any other path is a file or directory under root (a run
// directory shows its index.html).
func Handler(root string) http.Handler {
	files := http.FileServer(http.Dir(root))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			files.ServeHTTP(w, r)
			return
		}
		var buf bytes.Buffer
		if err := runsTemplate.Execute(&buf, struct {
			Root string
			Runs []storedRun
		}{root, listRuns(root)}); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(buf.Bytes())
	})
}

// listRuns finds root/<test>/<stamp>/ directories, newest first. Symlinks
// (current, latest) are skipped so no run is listed twice.
func listRuns(root string) []storedRun {
	var runs []storedRun
	tests, _ := os.ReadDir(root)
	for _, t := range tests {
		if !t.IsDir() {
			continue
		}
		stamps, _ := os.ReadDir(filepath.Join(root, t.Name()))
		for _, s := range stamps {
			if !s.IsDir() {
				continue
			}
			runs = append(runs, readRun(root, t.Name(), s.Name()))
		}
	}
	slices.SortStableFunc(runs, func(a, b storedRun) int {
		if c := b.started.Compare(a.started); c != 0 {
			return c
		}
		return strings.Compare(b.Stamp, a.Stamp)
	})
	return runs
}

// readRun looks inside one run directory for its verdict and page.
func readRun(root, test, stamp string) storedRun {
	dir := filepath.Join(root, test, stamp)
	run := storedRun{Test: test, Stamp: stamp, Path: path.Join("/", test, stamp) + "/", Class: "unknown", Verdict: "no results"}
	run.started, _ = time.Parse("20060102T150405.000Z0700", stamp)
	if raw, err := os.ReadFile(filepath.Join(dir, "results.json")); err == nil {
		var top struct {
			Valid any `json:"valid?"`
		}
		if json.Unmarshal(raw, &top) == nil {
			run.Class = validity(top.Valid)
			run.Verdict = run.Class
		}
	}
	if run.Verdict == "no results" {
		run.Verdict, run.Reason = endOf(dir)
		if run.Verdict == "crashed" {
			run.Class = "invalid"
		}
	}
	_, err := os.Stat(filepath.Join(dir, "index.html"))
	run.HasIndex = err == nil
	return run
}

// endOf reads how a run without results ended from its console log: a
// crash (the lines after "Test crashed!" say why), an interrupt, or
// nothing said at all (still running, or killed).
func endOf(dir string) (verdict, reason string) {
	raw, err := os.ReadFile(filepath.Join(dir, "jepsen.log"))
	if err != nil {
		raw, err = gunzipFile(filepath.Join(dir, "jepsen.log.gz"))
	}
	if err != nil {
		return "no results", "no log"
	}
	log := string(raw)
	if _, after, ok := strings.Cut(log, "Test crashed!"); ok {
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
		return "crashed", strings.Join(why, " ")
	}
	if strings.Contains(log, "Interrupted; every node was killed.") {
		return "interrupted", "stopped by Ctrl-C or a signal"
	}
	return "no results", "the log ends without a verdict: still running, or eddy was killed"
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

// gunzipFile reads a gzipped file whole.
func gunzipFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(z)
}

// validity is results.json's valid? as a CSS class: valid, invalid or
// unknown.
func validity(v any) string {
	switch v {
	case true:
		return "valid"
	case false:
		return "invalid"
	}
	return "unknown"
}
