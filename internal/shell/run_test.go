package shell

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"rumor/actor"
)

// TestRunAnswersEveryLine runs the whole shell over pipes: init, then
// broadcasts and reads as fast as the node takes them. Every request gets
// its reply, and the last read holds every value. Run with -race, it is
// also the check that only the loop's goroutine touches the node and
// stdout: docs/DESIGN.md's exercise 3 breaks that, and this test is where
// the race detector says so.
func TestRunAnswersEveryLine(t *testing.T) {
	const n = 200
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	code := make(chan int, 1)
	go func() {
		code <- Run(context.Background(), Options{Config: actor.DefaultConfig(), Tick: 10 * time.Millisecond,
			Log: LogOptions{Root: t.TempDir(), TestKey: "run-test"}}, inR, outW, io.Discard)
		outW.Close()
	}()
	go func() {
		fmt.Fprintln(inW, `{"src":"c0","dest":"n0","body":{"type":"init","msg_id":1,"node_id":"n0","node_ids":["n0"]}}`)
		for i := range n {
			fmt.Fprintf(inW, `{"src":"c1","dest":"n0","body":{"type":"broadcast","msg_id":%d,"message":%d}}`+"\n", 2*i+2, i)
			fmt.Fprintf(inW, `{"src":"c2","dest":"n0","body":{"type":"read","msg_id":%d}}`+"\n", 2*i+3)
		}
		inW.Close()
	}()
	replies := map[string]int{}
	var last string
	sc := bufio.NewScanner(outR)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		for _, kind := range []string{"init_ok", "broadcast_ok", "read_ok"} {
			if strings.Contains(sc.Text(), `"type":"`+kind+`"`) {
				replies[kind]++
				if kind == "read_ok" {
					last = sc.Text()
				}
			}
		}
	}
	if c := <-code; c != 0 {
		t.Errorf("Run returned %d", c)
	}
	if replies["init_ok"] != 1 || replies["broadcast_ok"] != n || replies["read_ok"] != n {
		t.Errorf("replies %v, want 1 init_ok and %d each of broadcast_ok and read_ok", replies, n)
	}
	if !strings.Contains(last, fmt.Sprintf(",%d]", n-1)) {
		t.Errorf("the last read lacks the last value: %.200s", last)
	}
}
