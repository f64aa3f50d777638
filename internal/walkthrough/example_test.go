package walkthrough

import "os"

func ExampleHeadOfLine() {
	HeadOfLine(os.Stdout)
	// Output:
	// init taken; the handler is writing init_ok, and stdout takes nothing
	// read: Push still waiting after 200ms; the loop is inside the handler
	// stdout drained: read taken true
	// written in order: init_ok, read_ok
}

func ExampleAskTheActor() {
	AskTheActor(os.Stdout)
	// Output:
	// asked while three clients broadcast: a consistent copy, each client's values a prefix of what it sent
	// asked after they finished: 300 values, each client's values a prefix of what it sent
	// changing the copy leaves the owner's values as they were: true
}

func ExampleMailboxes() {
	Mailboxes(os.Stdout)
	// Output:
	// each node took a value from a client; the nodes now gossip through the router
	// n0 reads [0,1,2] (sorted: the order of arrival varies)
	// n1 reads [0,1,2] (sorted: the order of arrival varies)
	// n2 reads [0,1,2] (sorted: the order of arrival varies)
	// stopped: router, pumps and loops all gone
}

func ExampleLeak() {
	Leak(os.Stdout)
	// Output:
	// push without done: leaked true, 1 goroutine stuck sending
	// released by hand: leaked false
	// real Push after Stop returns false
	// real Push: leaked false
}
