package walkthrough

import (
	"fmt"
	"io"

	"rumor/messages"
)

// AskTheActor asks a Server for its state from outside, while other
// goroutines are still handing it lines. Values does not read the state; it
// sends the owner a request carrying a reply channel and waits for the copy
// the owner sends back. The copy is the owner's state at one moment, between
// two events, never halfway through one.
func AskTheActor(w io.Writer) {
	s := StartServer(io.Discard)
	defer s.Stop()
	done := make(chan struct{})
	for i := range 3 {
		go func() {
			defer func() { done <- struct{}{} }()
			for v := range 100 {
				s.Handle(fmt.Appendf(nil, `{"src":"c%d","dest":"n0","body":{"type":"broadcast","message":%d}}`, i, 100*i+v))
			}
		}()
	}
	first := s.Values() // whatever has been taken so far: between 0 and 300 values
	fmt.Fprintln(w, "asked while three clients broadcast: a consistent copy,", consistent(first))
	for range 3 {
		<-done
	}
	all := s.Values()
	fmt.Fprintln(w, "asked after they finished:", len(all), "values,", consistent(all))
	was := all[0]
	all[0] = messages.IntValue(-1) // the copy is ours; the owner's state is untouched
	fmt.Fprintln(w, "changing the copy leaves the owner's values as they were:", s.Values()[0] == was)
}

// consistent describes a copy: each client's values arrive in the order
// that client sent them, so a copy taken between two events holds, for each
// client, a prefix of what it sent.
func consistent(vs []messages.Value) string {
	next := [3]int64{0, 100, 200}
	for _, v := range vs {
		n, _ := v.Int()
		c := n / 100
		if n != next[c] {
			return "broken"
		}
		next[c]++
	}
	return "each client's values a prefix of what it sent"
}
