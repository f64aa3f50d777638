package walkthrough

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// childEnv names the variable that makes this test binary run PanicInStep
// instead of its tests (see TestMain).
const childEnv = "WALKTHROUGH_PANIC_CHILD"

func childWanted() bool { return os.Getenv(childEnv) == "1" }

func stdout() *os.File { return os.Stdout }

// TestPanicInStepEndsTheProcess runs PanicInStep in a child process (this
// test binary again) and checks what section 7 of DESIGN.md says: the panic
// is not recovered, the process exits with code 2 before the node answers
// anything more, and its stack names Step and the Loop's goroutine.
func TestPanicInStepEndsTheProcess(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"=1")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 2 {
		t.Fatalf("child ended with %v, want exit status 2\nstdout:\n%s\nstderr:\n%s", err, out, stderr.String())
	}
	if string(out) != "pushing a Rejected with no error in it\n" {
		t.Errorf("child printed %q", out)
	}
	for _, want := range []string{
		"panic: runtime error: invalid memory address or nil pointer dereference",
		"rumor/actor.(*Node).Step(",
		"rumor/actor.(*Loop).run(",
		"created by rumor/actor.Start",
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("the child's stderr lacks %q:\n%s", want, stderr.String())
		}
	}
}
