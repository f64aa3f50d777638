package store

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"eddy/internal/history"
)

func TestStampMatchesJepsen(t *testing.T) {
	utc := time.Date(2026, 3, 16, 6, 51, 45, 52e6, time.UTC)
	if got := Stamp(utc); got != "20260316T065145.052Z" {
		t.Errorf("UTC stamp %s", got)
	}
	cet := time.Date(2025, 11, 10, 20, 58, 11, 203e6, time.FixedZone("CET", 3600))
	if got := Stamp(cet); got != "20251110T205811.203+0100" {
		t.Errorf("CET stamp %s", got)
	}
}

func TestLayoutAndLinks(t *testing.T) {
	root := filepath.Join(t.TempDir(), "store")
	d, err := Create(root, "broadcast", time.Date(2026, 3, 16, 6, 51, 45, 52e6, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if err := d.MarkLatest(); err != nil {
		t.Fatal(err)
	}
	for _, link := range []string{"current", "latest", "broadcast/latest"} {
		resolved, err := filepath.EvalSymlinks(filepath.Join(root, link))
		want, _ := filepath.EvalSymlinks(d.Path())
		if err != nil || resolved != want {
			t.Errorf("%s → %s (%v), want %s", link, resolved, err, want)
		}
	}
	var h history.History
	h.Append(history.Op{Type: history.Invoke, Process: 0, F: history.FBroadcast, Value: history.Element(0)})
	h.Append(history.Op{Type: history.Info, Process: 0, F: history.FBroadcast, Value: history.Element(0), Error: ":net-timeout"})
	h.Append(history.Op{Type: history.OK, Process: 1, F: history.FRead, Value: history.Read{{Int: 0}, {Raw: json.RawMessage(`1.5`)}}, Final: true})
	h.Append(history.Op{Type: history.Info, Process: history.NemesisProcess, F: history.FStartPartition, Value: history.EDN(":majority")})
	if err := d.WriteHistory(h); err != nil {
		t.Fatal(err)
	}
	txt, _ := os.ReadFile(d.File("history.txt"))
	wantTxt := "0\t:invoke\t:broadcast\t0\n0\t:info\t:broadcast\t0\t:net-timeout\n1\t:ok\t:read\t[0 1.5]\n:nemesis\t:info\t:start-partition\t:majority\n"
	if string(txt) != wantTxt {
		t.Errorf("history.txt\n%q\nwant\n%q", txt, wantTxt)
	}
	ednText, _ := os.ReadFile(d.File("history.edn"))
	if want := "{:index 2, :time 0, :type :ok, :process 1, :f :read, :value [0 1.5], :final? true}"; !strings.Contains(string(ednText), want) {
		t.Errorf("history.edn lacks %s:\n%s", want, ednText)
	}
}

func TestGzipReplacesEachFileByItsCompressedCopy(t *testing.T) {
	d, err := Create(t.TempDir(), "broadcast", time.Date(2026, 3, 16, 6, 51, 45, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Repeat("0\t:ok\t:read\t[0 1 2 3 4 5 6 7 8 9]\n", 1000)
	if err := os.WriteFile(d.File("history.txt"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := d.Gzip("history.txt", "absent.jsonl"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(d.File("history.txt")); err == nil {
		t.Error("the original is still there")
	}
	f, err := os.Open(d.File("history.txt.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, _ := f.Stat()
	if info.Size()*10 > int64(len(body)) {
		t.Errorf("gzip copy is %d bytes for %d of text", info.Size(), len(body))
	}
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := io.ReadAll(z); err != nil || string(got) != body {
		t.Errorf("the copy does not read back (%v)", err)
	}
}
