// Package walkthrough holds the runnable companions of docs/DESIGN.md: the
// small programs the walkthrough quotes, so that every output it shows is
// one a reader can print (go run ./internal/walkthrough/demo NAME) and one
// the examples of this package pin (go test).
//
// Server is the actor twin of the mutex server in mutex_test.go: the same
// broadcast and read handling, but with one goroutine owning the state and
// everything else talking to it through typed events on one channel. The
// mutex version lives in a test file because the node's rule (no sync.Mutex,
// sync.RWMutex or sync/atomic outside tests) holds here too.
//
// The demonstrations (HeadOfLine, AskTheActor, Mailboxes, Leak, PanicInStep) drive
// rumor's own actor.Loop or this package's Server and print what happens. None of
// them keeps a goroutine running after it returns, except PanicInStep, which
// never returns: it ends the process, as a panic in any goroutine does.
package walkthrough
