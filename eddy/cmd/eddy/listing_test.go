package main

import (
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"eddy/internal/checker"
	"eddy/internal/store"
)

// storeWith makes a store root holding the given broadcast runs, each
// with results of the given validity (nil: a crashed run with none), and a
// latest link to the last one.
func storeWith(t *testing.T, runs map[string]*checker.Validity, latest string) string {
	t.Helper()
	root := t.TempDir()
	for stamp, valid := range runs {
		dir := filepath.Join(root, "broadcast", stamp)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if valid != nil {
			if err := store.At(dir).WriteResults(&checker.Results{Workload: checker.Workload{Valid: *valid}}); err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(dir, "index.html"), "<title>run "+stamp+"</title>")
		}
	}
	for _, link := range []string{filepath.Join(root, "latest"), filepath.Join(root, "broadcast", "latest")} {
		target := filepath.Join("broadcast", latest)
		if filepath.Dir(link) != root {
			target = latest
		}
		if err := os.Symlink(target, link); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func write(t *testing.T, path, body string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

func TestHandlerListsRunsNewestFirstAndServesThem(t *testing.T) {
	valid, invalid := checker.True, checker.False
	root := storeWith(t, map[string]*checker.Validity{
		"20260316T065145.052Z":     &valid,
		"20260317T081500.000Z":     &invalid,
		"20260317T090000.000+0100": nil, // 08:00 UTC: between the other two
	}, "20260317T081500.000Z")
	srv := httptest.NewServer(listing(root))
	defer srv.Close()

	code, body := get(t, srv.URL+"/")
	if code != http.StatusOK {
		t.Fatalf("GET / = %d", code)
	}
	body = html.UnescapeString(body)
	newest := strings.Index(body, ">20260317T081500.000Z<")
	middle := strings.Index(body, ">20260317T090000.000+0100<")
	oldest := strings.Index(body, ">20260316T065145.052Z<")
	if newest < 0 || middle < newest || oldest < middle {
		t.Errorf("runs not listed newest first (%d, %d, %d):\n%s", newest, middle, oldest, body)
	}
	if strings.Count(body, "<tr><td>") != 3 {
		t.Errorf("the latest links listed a run twice:\n%s", body)
	}
	if !strings.Contains(body, `class="invalid">invalid<`) || !strings.Contains(body, "no report") {
		t.Errorf("verdicts or missing reports not shown:\n%s", body)
	}
	for _, path := range []string{"/broadcast/20260316T065145.052Z/", "/latest/", "/broadcast/latest/"} {
		code, body := get(t, srv.URL+path)
		if code != http.StatusOK || !strings.Contains(body, "<title>run ") {
			t.Errorf("GET %s = %d %q, want the run's index.html", path, code, body)
		}
	}
	if code, _ := get(t, srv.URL+"/../../etc/passwd"); code == http.StatusOK {
		t.Error("served a file outside the store")
	}
}

func TestTheListingSaysWhyARunHasNoResults(t *testing.T) {
	root := storeWith(t, map[string]*checker.Validity{
		"20260316T065145.052Z": nil, "20260317T081500.000Z": nil, "20260318T081500.000Z": nil,
	}, "20260318T081500.000Z")
	logs := map[string]string{
		"20260316T065145.052Z": "INFO [2026-03-16 06:51:45,100] jepsen test runner - eddy seed 1\n" +
			"WARN [2026-03-16 06:51:46,000] jepsen test runner - jepsen.cli Test crashed!\n" +
			"node n0 exited with status 2 before init_ok\n" +
			"INFO [2026-03-16 06:51:46,001] jepsen test runner - eddy bye\n",
		"20260317T081500.000Z": "WARN [2026-03-17 08:15:01,000] jepsen test runner - eddy Interrupted; every node was killed.\n",
		"20260318T081500.000Z": "INFO [2026-03-18 08:15:01,000] jepsen test runner - jepsen.core Run starting\n",
	}
	for stamp, log := range logs {
		write(t, filepath.Join(root, "broadcast", stamp, "jepsen.log"), log)
	}
	srv := httptest.NewServer(listing(root))
	defer srv.Close()
	_, body := get(t, srv.URL+"/")
	body = html.UnescapeString(body)
	for _, want := range []string{
		`class="invalid">crashed<`, "no report: node n0 exited with status 2 before init_ok<",
		`>interrupted<`, "stopped by Ctrl-C",
		`>no results<`, "still running, or eddy was killed",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the listing lacks %q:\n%s", want, body)
		}
	}
}

func TestHandlerWithNoStoreYet(t *testing.T) {
	srv := httptest.NewServer(listing(filepath.Join(t.TempDir(), "store")))
	defer srv.Close()
	if code, body := get(t, srv.URL+"/"); code != http.StatusOK || !strings.Contains(body, "No runs yet") {
		t.Errorf("GET / = %d %q", code, body)
	}
}

func TestAnUnreadableResultsFileIsListedAsSuch(t *testing.T) {
	root := storeWith(t, map[string]*checker.Validity{"20260316T065145.052Z": nil}, "20260316T065145.052Z")
	write(t, filepath.Join(root, "broadcast", "20260316T065145.052Z", "results.json"), `{"valid?":"maybe"}`)
	srv := httptest.NewServer(listing(root))
	defer srv.Close()
	if _, body := get(t, srv.URL+"/"); !strings.Contains(html.UnescapeString(body), ">unreadable results<") {
		t.Errorf("listing:\n%s", body)
	}
}
