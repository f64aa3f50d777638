package doccheck

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"rumor/internal/exercises"
)

var (
	exerciseHeading = regexp.MustCompile(`(?m)^\*\*(\d+)\. ([^*]+?)\.\*\*`)
	patchRef        = regexp.MustCompile("`docs/exercises/([^`]+\\.patch)`")
)

// TestEveryExerciseIsChecked holds DESIGN.md's exercises and
// internal/exercises to each other: the same numbers and titles, and each
// exercise's text names exactly the patches its check applies. An
// exercise the page adds without a check, or a check whose exercise has
// gone, fails here.
func TestEveryExerciseIsChecked(t *testing.T) {
	text, err := os.ReadFile(filepath.Join(root, doc))
	if err != nil {
		t.Fatal(err)
	}
	s := string(text)
	start := strings.Index(s, "\n## 11. Exercises")
	if start < 0 {
		t.Fatal("DESIGN.md has no section \"11. Exercises\"")
	}
	s = s[start:]
	if end := strings.Index(s[1:], "\n## "); end >= 0 {
		s = s[:end+1]
	}
	headings := exerciseHeading.FindAllStringSubmatchIndex(s, -1)
	if len(headings) != len(exercises.All) {
		t.Errorf("DESIGN.md has %d exercises, internal/exercises checks %d", len(headings), len(exercises.All))
	}
	for i, h := range headings {
		number, _ := strconv.Atoi(s[h[2]:h[3]])
		title := s[h[4]:h[5]]
		body := s[h[1]:]
		if i+1 < len(headings) {
			body = s[h[1]:headings[i+1][0]]
		}
		var named []string
		for _, m := range patchRef.FindAllStringSubmatch(body, -1) {
			named = append(named, m[1])
		}
		j := slices.IndexFunc(exercises.All, func(e exercises.Exercise) bool { return e.Number == number })
		if j < 0 {
			t.Errorf("exercise %d, %q: internal/exercises does not check it", number, title)
			continue
		}
		ex := exercises.All[j]
		if ex.Title != title {
			t.Errorf("exercise %d is %q in DESIGN.md and %q in internal/exercises", number, title, ex.Title)
		}
		var applied []string
		for _, st := range ex.Steps {
			if st.Patch != "" {
				applied = append(applied, st.Patch)
			}
		}
		if !slices.Equal(named, applied) {
			t.Errorf("exercise %d names the patches %v; its check applies %v", number, named, applied)
		}
	}
}
