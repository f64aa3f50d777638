// Command demo prints the outputs docs/DESIGN.md quotes, one demonstration
// of package walkthrough at a time:
//
//	go run ./internal/walkthrough/demo headofline
//	go run ./internal/walkthrough/demo ask
//	go run ./internal/walkthrough/demo mailboxes
//	go run ./internal/walkthrough/demo leak
//	go run ./internal/walkthrough/demo panic   # ends with a panic, exit status 2
package main

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"rumor/internal/walkthrough"
)

var demos = map[string]func(){
	"headofline": func() { walkthrough.HeadOfLine(os.Stdout) },
	"ask":        func() { walkthrough.AskTheActor(os.Stdout) },
	"mailboxes":  func() { walkthrough.Mailboxes(os.Stdout) },
	"leak":       func() { walkthrough.Leak(os.Stdout) },
	"panic":      func() { walkthrough.PanicInStep(os.Stdout) },
}

func main() {
	var names []string
	for n := range demos {
		names = append(names, n)
	}
	slices.Sort(names)
	if len(os.Args) != 2 || demos[os.Args[1]] == nil {
		fmt.Fprintf(os.Stderr, "usage: demo %s\n", strings.Join(names, "|"))
		os.Exit(2)
	}
	demos[os.Args[1]]()
}
