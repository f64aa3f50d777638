package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"go.uber.org/goleak"
)

// mutants are the test nodes under testdata/mutants; each is node.go plus
// its own file.
var mutants = []string{"correct", "survivor", "nogossip", "noretry", "dropper", "echoer", "quitter", "badtopo", "panicker"}

// binaries holds eddy and every mutant, built once per test binary into a
// directory TestMain removes.
var binaries struct {
	once sync.Once
	dir  string
	err  error
}

func binDir(t *testing.T) string {
	t.Helper()
	binaries.once.Do(func() {
		binaries.err = buildAll(binaries.dir)
	})
	if binaries.err != nil {
		t.Fatal(binaries.err)
	}
	return binaries.dir
}

func eddyBin(t *testing.T) string { return filepath.Join(binDir(t), "eddy") }

func mutantBin(t *testing.T, name string) string { return filepath.Join(binDir(t), "mutant-"+name) }

func buildAll(dir string) error {
	args := []string{"build", "-o", filepath.Join(dir, "eddy")}
	if raceEnabled {
		args = append(args, "-race")
	}
	if err := goBuild(append(args, ".")...); err != nil {
		return err
	}
	for _, m := range mutants {
		src := filepath.Join("testdata", "mutants")
		if err := goBuild("build", "-o", filepath.Join(dir, "mutant-"+m), filepath.Join(src, "node.go"), filepath.Join(src, m+".go")); err != nil {
			return err
		}
	}
	return nil
}

func goBuild(args ...string) error {
	cmd := exec.Command("go", args...)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go %v: %v\n%s", args, err, out)
	}
	return nil
}

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "eddy-test-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binaries.dir = dir
	// The tests start goroutines (process reapers, pipe copiers); none may
	// outlive them. Cleanup removes the built binaries before exiting.
	goleak.VerifyTestMain(m, goleak.Cleanup(func(code int) {
		os.RemoveAll(dir)
		os.Exit(code)
	}))
}
