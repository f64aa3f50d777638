package main

import (
	"bytes"
	_ "embed"
	"html/template"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"eddy/internal/store"
)

//go:embed runs.html.tmpl
var runsSource string

var runsTemplate = template.Must(template.New("runs").Parse(runsSource))

// storedRun is one run directory as the listing shows it.
type storedRun struct {
	Test, Stamp string
	Path        string // URL path of the run directory, with a trailing slash
	Class       string // valid, invalid or unknown
	Verdict     string // results.json's valid? as Class; "crashed", "interrupted" or "no results" without one; "unreadable results"
	Reason      string // why a run without results ended, from its jepsen.log, or why its results cannot be read
	HasIndex    bool
	started     time.Time
}

// listing serves the store directory root read-only, as maelstrom serve
// does: "/" lists every run, newest first, with its verdict (read through
// store: results.json, or for a run without one how its jepsen.log says
// it ended) and a link to its index.html; any other path is a file or
// directory under root (a run directory shows its index.html).
func listing(root string) http.Handler {
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
	run := storedRun{Test: test, Stamp: stamp, Path: path.Join("/", test, stamp) + "/", Class: "unknown"}
	run.started, _ = time.Parse("20060102T150405.000Z0700", stamp)
	results, err := store.At(dir).ReadResults()
	switch {
	case err == nil:
		run.Class = results.Valid().Name()
		run.Verdict = run.Class
	case os.IsNotExist(err):
		end := store.At(dir).ReadEnding()
		run.Verdict, run.Reason = end.Verdict, end.Reason
		if run.Verdict == "crashed" {
			run.Class = "invalid"
		}
	default:
		run.Verdict, run.Reason = "unreadable results", err.Error()
	}
	_, err = os.Stat(filepath.Join(dir, "index.html"))
	run.HasIndex = err == nil
	return run
}
