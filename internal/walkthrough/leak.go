package walkthrough

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"time"

	"go.uber.org/goleak"

	"rumor/actor"
)

// Leak shows the goroutine leak that Loop.Push's done case prevents, and
// finds it with goleak. A send on an unbuffered channel waits for a
// receiver; once the loop has gone there is none, so a push without the
// done case waits for good. The real Push selects on the loop's end too,
// returns false, and leaves nothing behind. (ExampleLoop_Push in actor
// pins the same story; this prints it.)
func Leak(w io.Writer) {
	others := goleak.IgnoreCurrent() // judge only the goroutines started below

	events := make(chan actor.Event) // a loop's channel, with the loop gone
	go sendWithoutDone(events)
	fmt.Fprintf(w, "push without done: leaked %v, %d goroutine stuck sending\n", goleak.Find(others) != nil, stuckIn("walkthrough.sendWithoutDone"))
	<-events // release it by hand, or it would outlive the program's checks
	fmt.Fprintln(w, "released by hand: leaked", goleak.Find(others) != nil)

	node, _ := actor.NewNode(actor.DefaultConfig())
	loop := actor.Start(node, time.Hour, nil, func(actor.Event, actor.Output) {})
	loop.Stop()
	fmt.Fprintln(w, "real Push after Stop returns", loop.Push(actor.Tick{}))
	fmt.Fprintln(w, "real Push: leaked", goleak.Find(others) != nil)
}

// sendWithoutDone is Push without its done case.
func sendWithoutDone(events chan<- actor.Event) { events <- actor.Tick{} }

// stuckIn counts the goroutines blocked sending on a channel whose stack
// holds fn, from the runtime's dump of every goroutine's stack.
func stuckIn(fn string) int {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	n := 0
	for _, g := range bytes.Split(buf, []byte("\n\n")) {
		if bytes.Contains(g, []byte("[chan send]")) && bytes.Contains(g, []byte(fn)) {
			n++
		}
	}
	return n
}
