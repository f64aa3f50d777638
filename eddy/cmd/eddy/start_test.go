package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"eddy/internal/rpc"
)

// eddyCmd runs the eddy binary with args in a fresh working directory and
// returns its exit code, stdout, stderr and that directory.
func eddyCmd(t *testing.T, args ...string) (code int, stdout, stderr, cwd string) {
	t.Helper()
	cwd = t.TempDir()
	cmd := exec.Command(eddyBin(t), args...)
	cmd.Dir = cwd
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("running eddy: %v", err)
	}
	return code, out.String(), errOut.String(), cwd
}

// A node that dies before answering init is reported at once, with its exit
// status and the end of its stderr, not as init's 10 s client timeout.
func TestNodeThatDiesAtStartIsReportedAtOnce(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, bin string
		want      []string
	}{
		{"exits 1 silently", "/bin/false", []string{"node n0 exited with status 1 before it answered init; it wrote nothing to stderr"}},
		{"panics", mutantBin(t, "panicker"), []string{"node n0 exited with status 2 before it answered init", "\n    panic: mutant panics at start", "Full stderr log: "}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if _, err := os.Stat(c.bin); err != nil {
				t.Skip(err)
			}
			start := time.Now()
			r := runEddy(t, withQuick("--bin", c.bin, "--node-count", "2", "--seed", "1")...)
			took := time.Since(start)
			if r.code != 255 {
				t.Fatalf("exit %d, want 255 (crashed):\n%s", r.code, r.tail())
			}
			for _, w := range c.want {
				if !strings.Contains(r.output, w) {
					t.Errorf("output lacks %q:\n%s", w, r.tail())
				}
			}
			if strings.Contains(r.output, rpc.ErrTimeout.Error()) || took >= rpc.InitTimeout {
				t.Errorf("reported after %v as a timeout:\n%s", took, r.tail())
			}
		})
	}
}

func TestMissingBinIsABadArgumentAndMakesNoStore(t *testing.T) {
	t.Parallel()
	code, stdout, stderr, cwd := eddyCmd(t, "test", "--bin", "./no-such-node", "--node-count", "1")
	if code != exitUsage {
		t.Errorf("exit %d, want %d", code, exitUsage)
	}
	if want := "eddy: --bin ./no-such-node: no such file\n"; !strings.HasPrefix(stderr, want) || stdout != "" {
		t.Errorf("stderr %q, stdout %q; want stderr to start %q", stderr, stdout, want)
	}
	if _, err := os.Stat(filepath.Join(cwd, "store")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a store was created (%v)", err)
	}
}

func TestMessagesAndUsageSayEddy(t *testing.T) {
	t.Parallel()
	code, _, stderr, _ := eddyCmd(t, "test", "--frobnicate")
	if code != exitUsage || stderr != "eddy: unknown option --frobnicate\neddy: run `eddy --help` for the options\n" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	code, _, stderr, _ = eddyCmd(t, "serve", "--frobnicate")
	if code != exitUsage || !strings.HasPrefix(stderr, "eddy serve: unknown option --frobnicate") {
		t.Errorf("serve: exit %d, stderr %q", code, stderr)
	}
	code, help, _, _ := eddyCmd(t, "--help")
	// -w has a default (broadcast), so the usage line must not demand it.
	if code != 0 || !strings.Contains(help, "\n  eddy test --bin BIN [options]") || strings.Contains(help, "eddy test -w") {
		t.Errorf("exit %d, usage:\n%s", code, help)
	}
	if !strings.Contains(help, "run N nodes, named n0 to n(N-1)") {
		t.Errorf("--node-count help:\n%s", help)
	}
}
