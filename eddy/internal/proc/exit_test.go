package proc

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestExitReportsStatusAndTheLastStderrLines(t *testing.T) {
	n := startHelper(t, "loud-crash", func([]byte) error { return nil }, nil)
	<-n.Done()
	e := n.Exit()
	var want []string
	for i := 20 - exitTailLines + 1; i <= 20; i++ {
		want = append(want, fmt.Sprintf("line %d", i))
	}
	if e.ExitStatus != 2 || !slices.Equal(e.Stderr, want) || e.LogPath != n.spec.LogPath {
		t.Errorf("exit report %+v, want status 2 and stderr %q", e, want)
	}
	msg := e.Error()
	if !strings.HasPrefix(msg, "node n0 exited with status 2 before it answered init") ||
		!strings.Contains(msg, "\n    line 20") || strings.Contains(msg, "line 1\n") ||
		!strings.HasSuffix(msg, "Full stderr log: "+n.spec.LogPath) {
		t.Errorf("message:\n%s", msg)
	}
	_ = n.Stop()
}

func TestCheckBin(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain")
	if err := os.WriteFile(plain, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ bin, want string }{
		{os.Args[0], ""},
		{filepath.Join(dir, "missing"), "missing: no such file"},
		{dir, "is a directory"},
		{plain, "is not executable"},
	} {
		err := CheckBin(c.bin)
		if (c.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), c.want)) {
			t.Errorf("CheckBin(%s) = %v, want %q", c.bin, err, c.want)
		}
	}
}
