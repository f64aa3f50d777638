package runner

import (
	"bytes"
	"context"
	"eddy/internal/nemesis"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/synctest"

	"eddy/internal/console"
	"eddy/internal/report"
)

func TestARunEndsWithTheSummaryAndWritesTheLimit(t *testing.T) {
	cfg := testConfig(t, 5)
	cfg.Faults, cfg.NemesisInterval = nemesis.Faults{Partition: true}, 2
	fr := runFake(t, cfg, fakeOptions{})
	lines := strings.Split(strings.TrimSpace(fr.log), "\n")
	if len(lines) < 8 || !strings.HasPrefix(lines[len(lines)-1], "eddy: page ") ||
		!strings.Contains(fr.log, "eddy: summary\n") || !strings.Contains(fr.log, "eddy: limit ") {
		t.Fatalf("the run does not end with the summary:\n%s", strings.Join(lines[max(0, len(lines)-12):], "\n"))
	}
	summaryAt := strings.LastIndex(fr.log, "eddy: summary")
	if verdictAt := strings.LastIndex(fr.log, ":valid? "); verdictAt < 0 || verdictAt > summaryAt {
		t.Errorf("the summary does not follow the verdict:\n%s", fr.log[max(0, summaryAt-400):])
	}
	raw, err := os.ReadFile(filepath.Join(fr.res.Dir, "limit.json"))
	if err != nil {
		t.Fatal(err)
	}
	var lim map[string]any
	if err := json.Unmarshal(raw, &lim); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"stable-latencies", "excess"} {
		if _, ok := lim[key].(map[string]any); !ok {
			t.Errorf("limit.json lacks %s: %s", key, raw)
		}
	}
}

func TestGzipStoreCompressesTheBigFiles(t *testing.T) {
	cfg := testConfig(t, 2)
	cfg.GzipStore = true
	var res Result
	synctest.Test(t, func(t *testing.T) {
		var out bytes.Buffer
		res = start(context.Background(), cfg, console.NewPlain(&out), fakeLauncher(cfg.Nodes, fakeOptions{}), false)
	})
	if res.ExitCode != 0 {
		t.Fatalf("exit %d", res.ExitCode)
	}
	for _, name := range report.Gzipped {
		if _, err := os.Stat(filepath.Join(res.Dir, name)); err == nil {
			t.Errorf("%s is still there", name)
		}
		if _, err := os.Stat(filepath.Join(res.Dir, name+".gz")); err != nil {
			t.Errorf("%s.gz: %v", name, err)
		}
	}
	page, _ := os.ReadFile(filepath.Join(res.Dir, "index.html"))
	if !bytes.Contains(page, []byte(`href="history.edn.gz"`)) {
		t.Error("the page does not link the compressed history")
	}
}
