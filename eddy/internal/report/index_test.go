package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"eddy/internal/checker"
	"eddy/internal/history"
	"eddy/internal/limit"
	"eddy/internal/summary"
)

func TestReadGapIsTheMedianGapBetweenReadsOnANode(t *testing.T) {
	read := func(node string, at int64) clientOp { return clientOp{F: history.FRead, Node: node, Invoke: at} }
	ops := []clientOp{
		read("n0", 0), read("n1", 5), read("n0", 100), read("n1", 305),
		{F: history.FBroadcast, Node: "n0", Invoke: 150}, read("n0", 400),
	}
	// Gaps: n0 100 and 300, n1 300.
	if got := readGap(ops); got != 300 {
		t.Errorf("readGap = %d, want 300", got)
	}
	if readGap(ops[:2]) != 0 {
		t.Error("no node read twice should give 0")
	}
}

func TestLatencyRowsSayWhenThereIsNoLimit(t *testing.T) {
	q := &checker.Quantiles{Min: 0, Median: 140, P95: 320, P99: 340, Max: 350}
	rows := latencyRows(summary.Run{StableLatencies: q})
	if rows[1] != (limitRow{Point: "0.5", Actual: "140", Limit: "—", Excess: "—"}) {
		t.Errorf("median row = %+v", rows[1])
	}
	lim := &limit.Result{Limit: &checker.Quantiles{Median: 90, Max: 100}, Excess: &checker.Quantiles{Median: 50, Max: 250}}
	rows = latencyRows(summary.Run{StableLatencies: q, Limit: lim})
	if rows[4] != (limitRow{Point: "1", Actual: "350", Limit: "100", Excess: "250"}) {
		t.Errorf("max row = %+v", rows[4])
	}
}

func TestRunFilesNamesTheBigOnes(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "history.edn"), strings.Repeat("x", bigFile))
	write(t, filepath.Join(dir, "results.json"), "{}")
	write(t, filepath.Join(dir, "index.html"), "page")
	files, total, big := runFiles(dir, false)
	if len(files) != 2 || big != "history.edn (512 KiB)" || total != "512 KiB" {
		t.Errorf("files %+v, total %q, big %q", files, total, big)
	}
	files, _, big = runFiles(dir, true)
	if files[0].Href != "history.edn.gz" || !strings.HasSuffix(files[0].Size, "before gzip") || big != "" {
		t.Errorf("gzipped: files %+v, big %q", files, big)
	}
}

func write(t *testing.T, path, body string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}
