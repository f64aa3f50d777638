package doccheck

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"rumor/internal/walkthrough"
)

// demoQuote is a demo's command in a sh block, followed by the block that
// quotes its output.
var demoQuote = regexp.MustCompile("(?s)```sh\ngo run ./internal/walkthrough/demo (\\w+)\n```\n\n```\n(.*?)```")

// TestQuotedOutputsAreWhatDemosPrint runs every demo DESIGN.md quotes and
// compares its output with the quote, line for line. The panic demo ends
// its process, so its quote (trimmed of what varies) is checked by
// TestPanicInStepEndsTheProcess instead.
func TestQuotedOutputsAreWhatDemosPrint(t *testing.T) {
	text, err := os.ReadFile(filepath.Join(root, doc))
	if err != nil {
		t.Fatal(err)
	}
	quotes := demoQuote.FindAllStringSubmatch(string(text), -1)
	if len(quotes) < 4 {
		t.Fatalf("found %d quoted demo outputs in %s; has the format changed?", len(quotes), doc)
	}
	for _, q := range quotes {
		name, quoted := q[1], q[2]
		demo := walkthrough.Demos[name]
		switch {
		case demo == nil:
			t.Errorf("%s quotes demo %q, which does not exist", doc, name)
			continue
		case name == "panic":
			continue
		}
		var got strings.Builder
		demo(&got)
		if got.String() != quoted {
			t.Errorf("demo %s prints:\n%s\n%s quotes:\n%s", name, got.String(), doc, quoted)
		}
	}
}
