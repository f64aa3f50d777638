package shell

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"rumor/messages"
)

func TestLogFileName(t *testing.T) {
	for id, want := range map[string]string{"n0": "n0.log", "node-7_b.x": "node-7_b.x.log"} {
		if got := logFileName(id); got != want {
			t.Errorf("logFileName(%q) = %q, want %q", id, got, want)
		}
	}
	for _, id := range []string{"../n0", ".", "..", "", "a/b", strings.Repeat("n", 65), "n\x00"} {
		got := logFileName(id)
		if !strings.HasPrefix(got, "id-") || filepath.Base(got) != got || len(got) > 64 {
			t.Errorf("logFileName(%q) = %q, want a plain hashed name", id, got)
		}
	}
}

// TestLogStoreFreshAndRestart: a restart reads back what the run before
// wrote; a fresh start in the same test starts empty.
func TestLogStoreFreshAndRestart(t *testing.T) {
	opts := LogOptions{Root: t.TempDir(), TestKey: "1-2"}
	vs := []messages.Value{messages.IntValue(1), messages.IntValue(2)}
	s := newLogStore(opts)
	if _, problems, err := s.Open("n1", true); err != nil || len(problems) != 0 {
		t.Fatalf("fresh open: %v %q", err, problems)
	}
	if err := s.Append(vs); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = newLogStore(opts)
	got, _, err := s.Open("n1", false)
	s.Close()
	if err != nil || !slices.Equal(got, vs) {
		t.Fatalf("restart read back %v, %v; want %v", got, err, vs)
	}
	s = newLogStore(opts)
	s.Open("n1", true)
	s.Close()
	s = newLogStore(opts)
	if got, _, _ := s.Open("n1", false); len(got) != 0 {
		t.Errorf("after a fresh start, a restart read back %v", got)
	}
	s.Close()
}

// TestEndedTestsAreRemoved: a fresh start removes the logs of test keys
// whose process has ended, and nothing else.
func TestEndedTestsAreRemoved(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("test keys carry start times on Linux only")
	}
	root := t.TempDir()
	self, ok := startTime(os.Getpid())
	if !ok {
		t.Fatal("cannot read this process's start time")
	}
	live := strconv.Itoa(os.Getpid()) + "-" + self
	for _, key := range []string{live, "1-1", "999999999-5", "not-a-key", "123", "current"} {
		os.MkdirAll(filepath.Join(root, key), 0o700)
	}
	s := newLogStore(LogOptions{Root: root, TestKey: "current"})
	if _, _, err := s.Open("n0", true); err != nil {
		t.Fatal(err)
	}
	s.Close()
	var left []string
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		left = append(left, e.Name())
	}
	want := []string{"123", "current", live, "not-a-key"}
	slices.Sort(want)
	if !slices.Equal(left, want) {
		t.Errorf("left %v, want %v", left, want)
	}
}

func TestTestKeyNamesTheParent(t *testing.T) {
	key := testKey()
	if !strings.HasPrefix(key, strconv.Itoa(os.Getppid())) || ended(key) && runtime.GOOS == "linux" {
		t.Errorf("test key %q: want the parent %d, alive", key, os.Getppid())
	}
}

// TestUnopenedLogFailsAppends: with no log (it could not be opened),
// appends fail with the reason.
func TestUnopenedLogFailsAppends(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "file")
	os.WriteFile(blocker, nil, 0o600)
	s := newLogStore(LogOptions{Root: blocker, TestKey: "k"})
	_, _, err := s.Open("n0", true)
	if err == nil {
		t.Fatal("opened a log under a regular file")
	}
	if err := s.Append([]messages.Value{messages.IntValue(1)}); err == nil || !strings.Contains(err.Error(), "log ") {
		t.Errorf("append: %v", err)
	}
}
