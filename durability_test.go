package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// These tests run the built binary against a log directory of their own
// and check what survives a kill, what a new test sees, and what a bad disk
// does. Node n0 of the cluster [n0, n1] is the one under test; its peer is
// never run, so what n0 sends it is skipped.

func initFrom(client string) string {
	return fmt.Sprintf(`{"src":%q,"dest":"n0","body":{"type":"init","node_id":"n0","node_ids":["n0","n1"],"msg_id":1}}`, client)
}

func broadcastLine(v, msgID int) string {
	return fmt.Sprintf(`{"src":"c5","dest":"n0","body":{"type":"broadcast","message":%d,"msg_id":%d}}`, v, msgID)
}

const readLine = `{"src":"c5","dest":"n0","body":{"type":"read","msg_id":99}}`

// startIn starts rumor with its logs in dir, optionally through a shell
// that stays its parent (a wrapper that does not exec: another test key).
func startIn(t *testing.T, dir string, wrapped bool, args ...string) *proc {
	t.Helper()
	args = append([]string{"-data-dir", dir}, args...)
	if !wrapped {
		return startCmd(t, exec.Command(rumorBin(t), args...))
	}
	return startCmd(t, exec.Command("sh", append([]string{"-c", `"$0" "$@"; exit $?`, rumorBin(t)}, args...)...))
}

// session starts n0 with init from client, sends lines, and returns each
// client reply, then kills the process with SIGKILL.
func session(t *testing.T, dir string, wrapped bool, client string, lines ...string) []string {
	t.Helper()
	p := startIn(t, dir, wrapped)
	p.send(initFrom(client))
	if reply := p.reply(); !strings.Contains(reply, "init_ok") {
		t.Fatalf("init from %s: %s (stderr %s)", client, reply, p.stderr.String())
	}
	var replies []string
	for _, l := range lines {
		p.send(l)
		replies = append(replies, strings.TrimSpace(p.reply()))
	}
	if wrapped {
		p.stdin.Close() // a kill would reach the shell, not rumor
	} else {
		p.cmd.Process.Kill()
	}
	if _, _, ok := p.wait(exitLimit); !ok {
		t.Fatalf("rumor did not exit")
	}
	return replies
}

// TestKilledNodeKeepsItsValues: what a node acknowledged survives SIGKILL,
// and comes back when the node is restarted within its test; a new test on
// the same disk starts empty.
func TestKilledNodeKeepsItsValues(t *testing.T) {
	dir := t.TempDir()
	session(t, dir, false, "c0", broadcastLine(1, 2), broadcastLine(2, 3))
	got := session(t, dir, false, "c7", readLine, broadcastLine(3, 4))
	if !strings.Contains(got[0], `"messages":[1,2]`) {
		t.Fatalf("restarted within the test, n0 reads %s; want [1,2]", got[0])
	}
	got = session(t, dir, false, "c9", readLine)
	if !strings.Contains(got[0], `"messages":[1,2,3]`) {
		t.Fatalf("restarted again, n0 reads %s; want [1,2,3]", got[0])
	}
	got = session(t, dir, false, "c1", readLine) // init from one of a test's first clients: a new test
	if !strings.Contains(got[0], `"messages":[]`) {
		t.Fatalf("in a new test n0 reads %s; want nothing from the test before", got[0])
	}
}

// TestAnotherParentIsAnotherTest: a node whose harness process is another
// one (here, each run under a shell of its own) is in another test: even an
// init that says restart finds nothing of the earlier test's values, and a
// fresh start removes the logs of tests whose process has ended.
func TestAnotherParentIsAnotherTest(t *testing.T) {
	dir := t.TempDir()
	session(t, dir, true, "c0", broadcastLine(1, 2))
	got := session(t, dir, true, "c7", readLine)
	if !strings.Contains(got[0], `"messages":[]`) {
		t.Fatalf("under another parent n0 reads %s; want nothing", got[0])
	}
	if keys, _ := os.ReadDir(dir); len(keys) != 2 {
		t.Fatalf("%d test keys in %s, want 2", len(keys), dir)
	}
	session(t, dir, true, "c0")
	if keys, _ := os.ReadDir(dir); len(keys) != 1 {
		t.Errorf("%d test keys in %s after a fresh start, want only its own", len(keys), dir)
	}
}

// TestDamagedLogIsRepaired: a torn last record and a damaged record in the
// middle are each reported on stderr; the values around them come back,
// and the node runs on.
func TestDamagedLogIsRepaired(t *testing.T) {
	dir := t.TempDir()
	session(t, dir, false, "c0", broadcastLine(1, 2), broadcastLine(2, 3), broadcastLine(3, 4))
	logs, _ := filepath.Glob(filepath.Join(dir, "*", "n0.log"))
	if len(logs) != 1 {
		t.Fatalf("logs %v", logs)
	}
	data, _ := os.ReadFile(logs[0])
	var records []int // where each record starts: the header's, then one per value
	for i := range len(data) - 1 {
		if data[i] == 0xf5 && data[i+1] == 'W' {
			records = append(records, i)
		}
	}
	if len(records) != 4 {
		t.Fatalf("%d records in the log, want a header and 3 values", len(records))
	}
	data[records[2]+11] ^= 0xff                              // damage the second value's record
	os.WriteFile(logs[0], append(data, 0xf5, 'W', 9), 0o600) // and tear a record after the last

	p := startIn(t, dir, false)
	p.send(initFrom("c7"))
	p.reply()
	p.send(readLine)
	read := p.reply()
	p.cmd.Process.Kill()
	p.wait(exitLimit)
	stderr := p.stderr.String()
	if !strings.Contains(read, `"messages":[1,3]`) || !strings.Contains(stderr, "torn") || !strings.Contains(stderr, "damaged") {
		t.Fatalf("read %s; stderr:\n%s", read, stderr)
	}
	p = startIn(t, dir, false)
	p.send(initFrom("c8"))
	p.reply()
	p.cmd.Process.Kill()
	p.wait(exitLimit)
	if strings.Contains(p.stderr.String(), "log:") {
		t.Errorf("the log was not rewritten: stderr again says\n%s", p.stderr.String())
	}
}

// TestUnwritableLogRefusesBroadcasts: with nowhere to write its log, the
// node still answers init, refuses broadcasts with error 11 and serves
// reads.
func TestUnwritableLogRefusesBroadcasts(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "file")
	os.WriteFile(blocker, nil, 0o600)
	p := startIn(t, blocker, false)
	p.send(initFrom("c0"))
	if reply := p.reply(); !strings.Contains(reply, "init_ok") {
		t.Fatalf("init: %s", reply)
	}
	p.send(broadcastLine(1, 2))
	if reply := p.reply(); !strings.Contains(reply, `"code":11`) {
		t.Errorf("broadcast: %s, want error 11", reply)
	}
	p.send(readLine)
	if reply := p.reply(); !strings.Contains(reply, `"messages":[]`) {
		t.Errorf("read: %s", reply)
	}
	p.stdin.Close()
	p.wait(exitLimit)
	if !strings.Contains(p.stderr.String(), "cannot open the log") {
		t.Errorf("stderr does not say why:\n%s", p.stderr.String())
	}
}
