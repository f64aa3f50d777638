package walkthrough

import "io"

// Demos are the demonstrations by the name DESIGN.md runs them with
// (go run ./internal/walkthrough/demo NAME). Each writes what the page
// quotes; "panic" never returns.
var Demos = map[string]func(io.Writer){
	"headofline": HeadOfLine,
	"ask":        AskTheActor,
	"mailboxes":  Mailboxes,
	"leak":       Leak,
	"panic":      PanicInStep,
}
