package exercises

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// stepTimeout bounds one command: a patch that makes a test hang must fail
// the check, not CI's clock.
const stepTimeout = 5 * time.Minute

// Check runs ex in a scratch copy of the module at root and returns every
// way in which what happened differs from what the answer says. It writes
// a report of each step (the command, how it ended, the lines that carry
// the answer's facts) to report.
func Check(ctx context.Context, root string, ex Exercise, report io.Writer) ([]string, error) {
	var problems []string
	var scratch string
	for i, st := range ex.Steps {
		if scratch == "" || st.Fresh {
			dir, err := freshCopy(root, ex.Number)
			if err != nil {
				return nil, err
			}
			defer os.RemoveAll(dir)
			scratch = dir
		}
		if st.Patch != "" {
			patch := filepath.Join(root, "docs", "exercises", st.Patch)
			if out, err := command(ctx, scratch, "git", "apply", "--whitespace=nowarn", patch); err != nil {
				return append(problems, fmt.Sprintf("step %d: %s no longer applies (the code it changes has moved):\n%s", i+1, st.Patch, out)), nil
			}
			fmt.Fprintf(report, "applied docs/exercises/%s\n", st.Patch)
		}
		args := make([]string, len(st.Command))
		for j, a := range st.Command {
			args[j] = strings.ReplaceAll(a, "$SCRATCH", scratch)
		}
		start := time.Now()
		out, runErr := command(ctx, scratch, args[0], args[1:]...)
		fmt.Fprintf(report, "$ %s\n", strings.Join(st.Command, " "))
		for _, p := range compare(st, out, runErr, scratch) {
			problems = append(problems, fmt.Sprintf("step %d (%s): %s", i+1, strings.Join(st.Command, " "), p))
		}
		fmt.Fprintf(report, "  %s in %.1fs\n", outcome(runErr, failingTests(out)), time.Since(start).Seconds())
		for _, l := range evidence(st, out) {
			fmt.Fprintf(report, "  | %s\n", l)
		}
	}
	return problems, nil
}

// freshCopy makes a scratch directory holding a copy of the module.
func freshCopy(root string, number int) (string, error) {
	dir, err := os.MkdirTemp("", fmt.Sprintf("exercise-%d-", number))
	if err != nil {
		return "", err
	}
	if err := copyModule(root, dir); err != nil {
		os.RemoveAll(dir)
		return "", fmt.Errorf("copying the module: %w", err)
	}
	return dir, nil
}

// command runs name in dir and returns its combined output.
func command(ctx context.Context, dir, name string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	return cmd.CombinedOutput()
}

// compare lists the ways in which a step's run differs from its answer.
func compare(st Step, out []byte, runErr error, scratch string) []string {
	var problems []string
	var exit *exec.ExitError
	switch {
	case runErr != nil && !errors.As(runErr, &exit):
		return []string{fmt.Sprintf("could not run: %v", runErr)}
	case st.Pass && runErr != nil:
		problems = append(problems, "failed; the answer says it passes:\n"+tail(out))
	case !st.Pass && runErr == nil:
		problems = append(problems, "passed; the answer says it fails")
	}
	want := slices.Sorted(slices.Values(st.Failing))
	if got := failingTests(out); !slices.Equal(got, want) {
		problems = append(problems, fmt.Sprintf("failing tests %v; the answer says %v", got, want))
	}
	for _, s := range st.Contains {
		if !bytes.Contains(out, []byte(s)) {
			problems = append(problems, fmt.Sprintf("output lacks %q", s))
		}
	}
	for _, s := range st.Lacks {
		if bytes.Contains(out, []byte(s)) {
			problems = append(problems, fmt.Sprintf("output holds %q, which the answer says is gone", s))
		}
	}
	for _, f := range st.Figures {
		problems = append(problems, f.check(out)...)
	}
	if st.Same[0] != "" {
		a, errA := os.ReadFile(filepath.Join(scratch, st.Same[0]))
		b, errB := os.ReadFile(filepath.Join(scratch, st.Same[1]))
		switch {
		case errA != nil || errB != nil:
			problems = append(problems, fmt.Sprintf("cannot compare %s and %s: %v %v", st.Same[0], st.Same[1], errA, errB))
		case !bytes.Equal(a, b):
			problems = append(problems, fmt.Sprintf("%s and %s differ", st.Same[0], st.Same[1]))
		case len(a) == 0:
			problems = append(problems, fmt.Sprintf("%s is empty", st.Same[0]))
		}
	}
	if len(problems) > 0 && !st.Pass && runErr != nil {
		problems = append(problems, "its output ends:\n"+tail(out))
	}
	return problems
}

// check reports how the numbers f matches in out differ from its range.
func (f Figure) check(out []byte) []string {
	ms := regexp.MustCompile(f.Pattern).FindAllSubmatch(out, -1)
	if len(ms) == 0 {
		return []string{fmt.Sprintf("nothing in the output matches %q", f.Pattern)}
	}
	var problems []string
	for _, m := range ms {
		n, err := strconv.Atoi(string(m[1]))
		if err != nil || n < f.Min || n > f.Max {
			problems = append(problems, fmt.Sprintf("%q: %s is outside the answer's range %d-%d", m[0], m[1], f.Min, f.Max))
		}
	}
	return problems
}

var failLine = regexp.MustCompile(`(?m)^--- FAIL: (\S+)`)

// failingTests returns, sorted and once each, the top-level tests go test
// reported as failed.
func failingTests(out []byte) []string {
	var names []string
	for _, m := range failLine.FindAllSubmatch(out, -1) {
		if name := string(m[1]); !strings.Contains(name, "/") && !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

// outcome says in a few words how a command ended.
func outcome(runErr error, failing []string) string {
	switch {
	case runErr == nil:
		return "passed"
	case len(failing) > 0:
		return "failed: " + strings.Join(failing, ", ")
	default:
		return "failed (" + runErr.Error() + ")"
	}
}

// evidence returns the output lines that carry the answer's facts: the
// first line holding each string the answer names, and the distinct lines
// matching each figure.
func evidence(st Step, out []byte) []string {
	lines := strings.Split(string(out), "\n")
	var picked []string
	add := func(l string) {
		l = strings.TrimSpace(l)
		if len(l) > 160 {
			l = l[:160] + "…"
		}
		if !slices.Contains(picked, l) {
			picked = append(picked, l)
		}
	}
	for _, s := range st.Contains {
		for _, l := range lines {
			if strings.Contains(l, s) {
				add(l)
				break
			}
		}
	}
	for _, f := range st.Figures {
		re := regexp.MustCompile(f.Pattern)
		for _, l := range lines {
			if re.MatchString(l) {
				add(l)
			}
		}
	}
	return picked
}

// tail is the end of a command's output, for a report.
func tail(out []byte) string {
	const keep = 3000
	if len(out) > keep {
		out = append([]byte("…"), out[len(out)-keep:]...)
	}
	return string(out)
}

// copyModule copies the module at root into dir, leaving out what the
// module's build does not read: version control, eddy (a module of its
// own), build output and logs.
func copyModule(root, dir string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil || rel == "." {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if strings.HasPrefix(name, ".") || rel == "eddy" || rel == "bin" || rel == "store" {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	})
}
