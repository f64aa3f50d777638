package exercises

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var runAll = flag.Bool("exercises", false, "run every exercise of docs/DESIGN.md in a scratch copy and check its answer (make exercises)")

// root is the module's root, from this package's directory.
const root = "../.."

// TestExercises is make exercises: each exercise in a scratch copy, one
// after the other, with a report of what each step printed.
func TestExercises(t *testing.T) {
	if !*runAll {
		t.Skip("run with -exercises (make exercises)")
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		t.Fatal(err)
	}
	start, ran := time.Now(), 0
	for _, ex := range All {
		t.Run(fmt.Sprintf("%d", ex.Number), func(t *testing.T) {
			ran++
			var report strings.Builder
			problems, err := Check(context.Background(), abs, ex, &report)
			t.Logf("exercise %d, %s:\n%s", ex.Number, ex.Title, report.String())
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range problems {
				t.Errorf("exercise %d's answer no longer holds: %s", ex.Number, p)
			}
		})
	}
	t.Logf("%d of %d exercises checked in %.0fs", ran, len(All), time.Since(start).Seconds())
}

// TestPatchesExist checks, without running anything, that every patch an
// exercise names is in docs/exercises and every patch there is used.
func TestPatchesExist(t *testing.T) {
	used := map[string]bool{}
	for _, ex := range All {
		for _, st := range ex.Steps {
			if st.Patch == "" {
				continue
			}
			used[st.Patch] = true
			if _, err := os.Stat(filepath.Join(root, "docs", "exercises", st.Patch)); err != nil {
				t.Errorf("exercise %d: %v", ex.Number, err)
			}
		}
	}
	files, _ := filepath.Glob(filepath.Join(root, "docs", "exercises", "*.patch"))
	for _, f := range files {
		if !used[filepath.Base(f)] {
			t.Errorf("%s belongs to no exercise", f)
		}
	}
}

// TestCompare checks the runner's judgement on made-up output.
func TestCompare(t *testing.T) {
	out := []byte("--- FAIL: TestA (0.00s)\n    a_test.go:1: applied 66 events\n--- FAIL: TestA/sub (0.00s)\n--- FAIL: TestB (0.00s)\nFAIL\n")
	exitErr := fakeExit(t)
	good := Step{Failing: []string{"TestB", "TestA"}, Contains: []string{"applied"}, Lacks: []string{"panic"},
		Figures: []Figure{{Pattern: `applied (\d+) events`, Min: 37, Max: 100}}}
	if p := compare(good, out, exitErr, t.TempDir()); len(p) != 0 {
		t.Errorf("a matching answer was judged wrong: %v", p)
	}
	for name, bad := range map[string]Step{
		"pass":     {Pass: true, Failing: []string{"TestA", "TestB"}},
		"failing":  {Failing: []string{"TestA"}},
		"contains": {Failing: []string{"TestA", "TestB"}, Contains: []string{"DATA RACE"}},
		"lacks":    {Failing: []string{"TestA", "TestB"}, Lacks: []string{"applied"}},
		"range":    {Failing: []string{"TestA", "TestB"}, Figures: []Figure{{Pattern: `applied (\d+) events`, Min: 70, Max: 100}}},
		"no match": {Failing: []string{"TestA", "TestB"}, Figures: []Figure{{Pattern: `stored (\d+)`, Min: 0, Max: 1}}},
	} {
		if p := compare(bad, out, exitErr, t.TempDir()); len(p) == 0 {
			t.Errorf("%s: a wrong answer was judged right", name)
		}
	}
	if p := compare(Step{}, out, nil, t.TempDir()); len(p) == 0 {
		t.Error("a command that passed matched an answer that says it fails")
	}
}

// fakeExit returns a real *exec.ExitError, from a command that fails.
func fakeExit(t *testing.T) error {
	t.Helper()
	_, err := command(context.Background(), t.TempDir(), "false")
	if err == nil {
		t.Fatal("false succeeded")
	}
	return err
}
