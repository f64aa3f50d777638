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
	"maps"
	"os"
	"slices"
	"strings"

	"rumor/internal/walkthrough"
)

func main() {
	if len(os.Args) != 2 || walkthrough.Demos[os.Args[1]] == nil {
		names := slices.Sorted(maps.Keys(walkthrough.Demos))
		fmt.Fprintf(os.Stderr, "usage: demo %s\n", strings.Join(names, "|"))
		os.Exit(2)
	}
	walkthrough.Demos[os.Args[1]](os.Stdout)
}
