package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

// TestMain fails the package if a test leaves a goroutine behind: a node
// must stop completely on stdin EOF and on cancellation. It also removes
// the rumor binary that the whole-process tests build (see process_test.go).
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "rumor-test-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary.dir = dir
	goleak.VerifyTestMain(m, goleak.Cleanup(func(code int) {
		os.RemoveAll(dir)
		os.Exit(code)
	}))
}

// advance moves a synctest bubble's fake clock forward by d; the timer fires
// as soon as every goroutine in the bubble is blocked.
func advance(d time.Duration) {
	<-time.After(d)
	synctest.Wait()
}

// envelope is what the test router needs to know about a line.
type envelope struct {
	Src  string          `json:"src"`
	Dest string          `json:"dest"`
	Body json.RawMessage `json:"body"`
}

// cluster runs whole rumor processes in-process, each through run() with
// io.Pipe for stdin and stdout, and routes their output. One goroutine, the
// router, owns the partition state and the client mailbox; each node's stdin
// is fed by its own unbounded queue so no node can block another, as in
// Maelstrom, whose network queues are unbounded. A node can be restarted:
// its queue then feeds a new run, as a network would a new process.
type cluster struct {
	t       *testing.T
	args    []string
	ids     []string
	inbox   map[string]chan<- []byte // lines for a node's stdin
	stdins  []chan<- *io.PipeWriter  // hands a node's queue a new stdin, closing the old
	routed  chan []byte              // every line any node wrote
	readers sync.WaitGroup           // the goroutines that copy stdouts to routed
	cut     chan map[string]bool     // router control: the nodes on the minority side, or nil to heal
	count   chan chan int            // router control: how many lines went node to node so far
	client  chan envelope            // lines addressed to clients
	done    []chan int               // run's exit code, per node
}

func startCluster(t *testing.T, size int, args ...string) *cluster {
	// Each test keeps its nodes' logs to itself.
	args = append([]string{"-data-dir", t.TempDir()}, args...)
	c := &cluster{t: t, args: args, inbox: map[string]chan<- []byte{}, routed: make(chan []byte),
		cut: make(chan map[string]bool), count: make(chan chan int), client: make(chan envelope, 1024)}
	for i := range size {
		id := fmt.Sprintf("n%d", i)
		c.ids = append(c.ids, id)
		stdin := make(chan *io.PipeWriter, 1)
		c.inbox[id] = feed(stdin)
		c.stdins = append(c.stdins, stdin)
		c.done = append(c.done, make(chan int, 1))
		c.startNode(i)
	}
	go func() { // close routed once every node's stdout has ended
		c.readers.Wait()
		close(c.routed)
	}()
	go c.route()
	return c
}

// startNode starts a run of node i on fresh pipes, closing the stdin of the
// run before it, if any, which then ends.
func (c *cluster) startNode(i int) {
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	c.readers.Add(1)
	go func() {
		defer c.readers.Done()
		sc := bufio.NewScanner(outR)
		sc.Buffer(nil, 80<<20) // more than a peer accepts, so the test sees whatever a node sends
		for sc.Scan() {
			c.routed <- slices.Clone(sc.Bytes())
		}
	}()
	c.stdins[i] <- inW
	go func() {
		c.done[i] <- run(context.Background(), c.args, inR, outW, io.Discard)
		outW.Close()
	}()
}

// kill stops node i, as a crash would: its run ends, and lines sent to it
// are dropped until it is started again, as Maelstrom drops what it queued
// for a killed node.
func (c *cluster) kill(i int) {
	c.t.Helper()
	c.stdins[i] <- nil
	<-c.done[i]
}

// start starts node i again after kill, with nothing but a fresh init, from
// a client opened later than the test's first ones: that is how a node
// tells a restart from a new test.
func (c *cluster) start(i int) {
	c.t.Helper()
	c.startNode(i)
	id := c.ids[i]
	c.inbox[id] <- []byte(fmt.Sprintf(`{"src":"c99","dest":%q,"body":{"type":"init","node_id":%q,"node_ids":["%s"],"msg_id":1}}`,
		id, id, strings.Join(c.ids, `","`)))
	if reply := <-c.client; !strings.Contains(string(reply.Body), "init_ok") || reply.Dest != "c99" {
		c.t.Fatalf("init %s after restart: %s to %s", id, reply.Body, reply.Dest)
	}
}

// feed returns a channel whose lines are written, in order, to the stdin
// most recently received from stdins, buffering without bound; a new stdin
// closes the one before, a nil one means no stdin (lines are dropped), and
// closing the channel closes the last.
func feed(stdins <-chan *io.PipeWriter) chan<- []byte {
	in := make(chan []byte)
	out := make(chan []byte)
	go func() {
		defer close(out)
		var queue [][]byte
		for in != nil || len(queue) > 0 {
			var send chan []byte
			var head []byte
			if len(queue) > 0 {
				send, head = out, queue[0]
			}
			select {
			case line, ok := <-in:
				if !ok {
					in = nil
					queue = nil // the node is stopping: drop what it will never read
					continue
				}
				queue = append(queue, line)
			case send <- head:
				queue = queue[1:]
			}
		}
	}()
	go func() {
		w := <-stdins
		for {
			select {
			case line, ok := <-out:
				if !ok {
					if w != nil {
						w.Close()
					}
					return
				}
				if w != nil {
					w.Write(append(line, '\n'))
				}
			case next := <-stdins:
				if w != nil {
					w.Close()
				}
				w = next
			}
		}
	}()
	return in
}

// route delivers every node's output: to clients, or to the destination
// node unless a partition separates the two.
func (c *cluster) route() {
	var minority map[string]bool
	delivered := 0
	for {
		select {
		case side := <-c.cut:
			minority = side
		case reply := <-c.count:
			reply <- delivered
		case line, ok := <-c.routed:
			if !ok {
				close(c.client)
				return
			}
			var env envelope
			if err := json.Unmarshal(line, &env); err != nil {
				c.t.Errorf("node wrote a line that is not JSON: %s", line)
				continue
			}
			if strings.HasPrefix(env.Dest, "c") {
				c.client <- env
				continue
			}
			if minority != nil && minority[env.Src] != minority[env.Dest] {
				continue // partitioned: lost for good, as in Maelstrom
			}
			if in, ok := c.inbox[env.Dest]; ok {
				delivered++
				in <- line
			}
		}
	}
}

// call sends a request from a client and waits for the reply.
func (c *cluster) call(node, body string) envelope {
	c.t.Helper()
	c.inbox[node] <- []byte(fmt.Sprintf(`{"src":"c1","dest":%q,"body":%s}`, node, body))
	reply := <-c.client
	return reply
}

// stop closes every node's stdin and waits for the nodes and the router.
func (c *cluster) stop() {
	for id, in := range c.inbox {
		close(in)
		delete(c.inbox, id)
	}
	for i, done := range c.done {
		if code := <-done; code != 0 {
			c.t.Errorf("n%d exited with %d", i, code)
		}
	}
	for range c.client { // drained when the router exits
	}
}

func (c *cluster) readValues(node string) []int {
	c.t.Helper()
	reply := c.call(node, `{"type":"read","msg_id":99}`)
	var body struct {
		Type     string `json:"type"`
		Messages []int  `json:"messages"`
	}
	if err := json.Unmarshal(reply.Body, &body); err != nil || body.Type != "read_ok" {
		c.t.Fatalf("read on %s: %s (%v)", node, reply.Body, err)
	}
	slices.Sort(body.Messages)
	return body.Messages
}

func (c *cluster) setup() {
	for _, id := range c.ids {
		reply := c.call(id, fmt.Sprintf(`{"type":"init","node_id":%q,"node_ids":["%s"],"msg_id":1}`, id, strings.Join(c.ids, `","`)))
		if !strings.Contains(string(reply.Body), "init_ok") {
			c.t.Fatalf("init %s: %s", id, reply.Body)
		}
	}
	for _, id := range c.ids {
		// Maelstrom's grid of five (eddy/docs/SEMANTICS.md §2.3).
		reply := c.call(id, `{"type":"topology","topology":{"n0":["n3","n1"],"n1":["n4","n2","n0"],"n2":["n1"],"n3":["n0","n4"],"n4":["n1","n3"]},"msg_id":2}`)
		if want := `{"type":"topology_ok","in_reply_to":2}`; string(reply.Body) != want {
			c.t.Fatalf("topology %s: %s, want %s", id, reply.Body, want)
		}
	}
}

// TestClusterSurvivesPartition runs five whole nodes, cuts the hub n0 and n1
// off from the rest, broadcasts on both sides, and checks that the majority
// side keeps spreading values without its hub and that every value reaches
// every node once the partition heals.
func TestClusterSurvivesPartition(t *testing.T) {
	for _, strategy := range []string{"star", "topology", "mesh"} {
		t.Run(strategy, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				c := startCluster(t, 5, "-strategy", strategy)
				defer c.stop()
				c.setup()

				c.cut <- map[string]bool{"n0": true, "n1": true}
				var want []int
				for v := range 20 {
					node := c.ids[v%5]
					reply := c.call(node, fmt.Sprintf(`{"type":"broadcast","message":%d,"msg_id":%d}`, v, v+10))
					if want := fmt.Sprintf(`{"type":"broadcast_ok","in_reply_to":%d}`, v+10); string(reply.Body) != want {
						t.Fatalf("broadcast: %s, want %s", reply.Body, want)
					}
					want = append(want, v)
					advance(50 * time.Millisecond)
				}
				advance(5 * time.Second)
				if strategy != "topology" { // the grid may be cut in two; star and mesh route around the cut
					majority := []int{}
					for _, v := range want {
						if v%5 >= 2 {
							majority = append(majority, v)
						}
					}
					for _, id := range []string{"n2", "n3", "n4"} {
						if got := c.readValues(id); !isSubset(majority, got) {
							t.Errorf("during the partition %s has %v, missing some of its side's %v", id, got, majority)
						}
					}
				}

				c.cut <- nil
				advance(10 * time.Second)
				for _, id := range c.ids {
					if got := c.readValues(id); !slices.Equal(got, want) {
						t.Errorf("after healing %s has %v, want %v", id, got, want)
					}
				}
			})
		})
	}
}

func isSubset(small, big []int) bool {
	for _, v := range small {
		if !slices.Contains(big, v) {
			return false
		}
	}
	return true
}

// TestStdinEOFStopsNode: closing stdin ends run with nothing left running
// (goleak checks the rest).
func TestStdinEOFStopsNode(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		inR, inW := io.Pipe()
		done := make(chan int)
		go func() { done <- run(context.Background(), nil, inR, io.Discard, io.Discard) }()
		inW.Close()
		if code := <-done; code != 0 {
			t.Errorf("exit code %d", code)
		}
	})
}

// TestCancelStopsNodeWithStdinOpen is the SIGTERM path: stdin stays open and
// the node still stops, waking its reader by closing stdin.
func TestCancelStopsNodeWithStdinOpen(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		inR, _ := io.Pipe()
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan int)
		go func() { done <- run(ctx, nil, inR, io.Discard, io.Discard) }()
		synctest.Wait()
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("exit code %d", code)
		}
	})
}

// TestBadInputNeverCrashesOrLoses feeds one node every class of bad input
// between good broadcasts and checks the answers, the stderr lines and that
// every accepted value is still there.
func TestBadInputNeverCrashesOrLoses(t *testing.T) {
	in := []string{
		`{"src":"c0","dest":"n0","body":{"type":"broadcast","message":0,"msg_id":1}}`, // before init: refused (11)
		`{"id":0,"src":"c0","dest":"n0","body":{"type":"init","node_id":"n0","node_ids":["n0","n1"],"msg_id":1}}`,
		`{"src":"c1","dest":"n0","body":{"type":"broadcast","message":1,"msg_id":2}}`,
		`not json at all`,
		``,
		`[1,2]`,
		`{"dest":"n0","body":{"type":"read","msg_id":3}}`,
		`{"src":"c1","dest":"n0","body":"read"}`,
		`{"src":"c1","dest":"n0","body":{"msg_id":4}}`,
		`{"src":"c1","dest":"n0","body":{"type":"cas","msg_id":5}}`,
		`{"src":"c1","dest":"n0","body":{"type":"broadcast","msg_id":6}}`,
		`{"src":"c1","dest":"n0","body":{"type":"broadcast","message":2,"msg_id":"7"}}`,
		`{"src":"c1","dest":"n0","body":{"type":"topology","topology":{"n0":["n1","n7"]},"msg_id":8}}`,
		`{"src":"n9","dest":"n0","body":{"type":"gossip","seq":1,"values":[99]}}`,
		`{"src":"n9","dest":"n0","body":{"type":"ack","ack":3}}`,
		`{"src":"c1","dest":"n0","body":{"type":"read_ok","messages":[],"in_reply_to":9}}`,
		`{"src":"n1","dest":"n0","body":{"type":"gossip","seq":1,"values":[3,4]}}`,
		`{"src":"n1","dest":"n0","body":{"type":"gossip","seq":1,"values":[3,4]}}`,
		"{\"src\":\"c\xff\",\"dest\":\"n0\",\"body\":{\"type\":\"read\",\"msg_id\":10}}",
		`{"src":"c1","dest":"n0","body":{"type":"broadcast","msg_id":11,"message":` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}}`,
		`{"src":"c1","dest":"n0","body":{"type":"broadcast","message":{"big":"` + strings.Repeat("x", 4<<20) + `"},"msg_id":12}}`,
		`{"src":"c1","dest":"n0","body":{"type":"read","msg_id":13}}`,
	}
	var stdout, stderr strings.Builder
	code := run(context.Background(), []string{"-data-dir", t.TempDir()}, strings.NewReader(strings.Join(in, "\n")), &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit code %d", code)
	}
	replies := map[string]string{} // in_reply_to/type -> body
	var readOK string
	for line := range strings.Lines(stdout.String()) {
		var env envelope
		if err := json.Unmarshal([]byte(line), &env); err != nil {
			t.Fatalf("output is not JSON: %q", line)
		}
		var body struct {
			Type      string `json:"type"`
			InReplyTo int    `json:"in_reply_to"`
			Code      int    `json:"code"`
		}
		json.Unmarshal(env.Body, &body)
		if body.Type == "read_ok" {
			readOK = string(env.Body)
		}
		replies[fmt.Sprintf("%s %d", env.Dest, body.InReplyTo)] = fmt.Sprintf("%s %d", body.Type, body.Code)
	}
	wantReplies := map[string]string{
		"c0 1":  "init_ok 0", // the init reply; the early broadcast's code-11 error shares its key
		"c1 2":  "broadcast_ok 0",
		"c1 4":  "error 12",
		"c1 5":  "error 10",
		"c1 6":  "error 12",
		"c1 8":  "topology_ok 0",
		"c1 11": "error 12", // too deep to relay: refused, not acknowledged
		"c1 12": "broadcast_ok 0",
		"c1 13": "read_ok 0",
	}
	for k, want := range wantReplies {
		if got := replies[k]; got != want {
			t.Errorf("reply %s = %q, want %q", k, got, want)
		}
	}
	if !strings.Contains(stdout.String(), `"in_reply_to":1,"code":11`) {
		t.Error("the broadcast before init was not refused with code 11")
	}
	if !strings.HasPrefix(readOK, `{"type":"read_ok","messages":[1,3,4,{"big":"xxx`) {
		t.Errorf("read after the bad input = %.80s…", readOK)
	}
	for _, want := range []string{"not a JSON object", "missing field \"src\"", "unsupported message type", "unknown node \"n9\"", "unsolicited read_ok", "not valid UTF-8", "deeper than 100 levels", "n7"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
}

// TestHugeAndDeepValuesNeverBlockALink broadcasts, in a three-node cluster,
// a 12 MiB string of '<' (six times longer once HTML-escaped, which made its
// gossip line too long for any peer to read) and a value nested 9998 levels
// deep (past what a peer's decoder took once wrapped in gossip). The first
// must reach every node; the second must be refused before broadcast_ok; and
// a value broadcast after both must still reach every node.
func TestHugeAndDeepValuesNeverBlockALink(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c := startCluster(t, 3)
		defer c.stop()
		c.setup()

		huge := `"` + strings.Repeat("<", 12<<20) + `"`
		if reply := c.call("n1", `{"type":"broadcast","message":`+huge+`,"msg_id":10}`); string(reply.Body) != `{"type":"broadcast_ok","in_reply_to":10}` {
			t.Fatalf("huge value: %.200s", reply.Body)
		}
		deep := strings.Repeat("[", 9998) + strings.Repeat("]", 9998)
		reply := c.call("n2", `{"type":"broadcast","message":`+deep+`,"msg_id":11}`)
		var refusal struct {
			Type      string `json:"type"`
			Code      int    `json:"code"`
			InReplyTo int    `json:"in_reply_to"`
		}
		if err := json.Unmarshal(reply.Body, &refusal); err != nil || refusal.Type != "error" || refusal.Code != 12 || refusal.InReplyTo != 11 {
			t.Fatalf("deep value: %.200s, want error 12 in reply to 11", reply.Body)
		}
		if reply := c.call("n2", `{"type":"broadcast","message":7,"msg_id":12}`); string(reply.Body) != `{"type":"broadcast_ok","in_reply_to":12}` {
			t.Fatalf("broadcast 7: %s", reply.Body)
		}
		advance(5 * time.Second)
		for _, id := range c.ids {
			got := c.readRaw(id)
			if len(got) != 2 || !slices.Contains(got, huge) || !slices.Contains(got, "7") {
				short := make([]string, len(got))
				for i, v := range got {
					short[i] = fmt.Sprintf("%.12s… (%d bytes)", v, len(v))
				}
				t.Errorf("%s reads %v, want the huge value and 7", id, short)
			}
		}
	})
}

// readRaw returns the JSON text of every value a node reads.
func (c *cluster) readRaw(node string) []string {
	c.t.Helper()
	reply := c.call(node, `{"type":"read","msg_id":99}`)
	var body struct {
		Type     string            `json:"type"`
		Messages []json.RawMessage `json:"messages"`
	}
	if err := json.Unmarshal(reply.Body, &body); err != nil || body.Type != "read_ok" {
		c.t.Fatalf("read on %s: %.200s (%v)", node, reply.Body, err)
	}
	raw := make([]string, len(body.Messages))
	for i, m := range body.Messages {
		raw[i] = string(m)
	}
	return raw
}

// TestVerboseLogsOneLinePerMessage: -verbose writes each message in and out
// on a line of its own, with no blank lines between them.
func TestVerboseLogsOneLinePerMessage(t *testing.T) {
	in := `{"src":"c0","dest":"n0","body":{"type":"init","node_id":"n0","node_ids":["n0"],"msg_id":1}}` + "\n" +
		`{"src":"c1","dest":"n0","body":{"type":"read","msg_id":2}}` + "\n"
	var stdout, stderr strings.Builder
	if code := run(context.Background(), []string{"-verbose", "-data-dir", t.TempDir()}, strings.NewReader(in), &stdout, &stderr); code != 0 {
		t.Fatalf("exit code %d", code)
	}
	var kinds []string
	for line := range strings.Lines(stderr.String()) {
		kind, _, _ := strings.Cut(line, " ")
		kinds = append(kinds, kind)
	}
	if want := []string{"recv", "send", "recv", "send"}; !slices.Equal(kinds, want) {
		t.Errorf("stderr lines start %q, want %q:\n%s", kinds, want, stderr.String())
	}
}

// TestHelpExitsZero: asking for the usage is not an error.
func TestHelpExitsZero(t *testing.T) {
	var stderr strings.Builder
	if code := run(context.Background(), []string{"-h"}, strings.NewReader(""), io.Discard, &stderr); code != 0 {
		t.Errorf("rumor -h exited %d, want 0", code)
	}
	if !strings.Contains(stderr.String(), "-strategy") {
		t.Errorf("rumor -h printed no usage:\n%s", stderr.String())
	}
	if code := run(context.Background(), []string{"-nope"}, strings.NewReader(""), io.Discard, io.Discard); code != 2 {
		t.Errorf("rumor -nope exited %d, want 2", code)
	}
}

// TestRestartedNodeCatchesUp runs three whole nodes, broadcasts, kills one,
// broadcasts more while it is down, and starts it again with nothing but a
// fresh init. It must read back every value it had (from its log) at once,
// and soon, with no other traffic, those broadcast while it was down (its
// probe brings them); a value broadcast after that must reach it too; and
// then the cluster must go quiet: its peers' queues to it drain instead of
// being resent for ever.
func TestRestartedNodeCatchesUp(t *testing.T) {
	for _, victim := range []int{0, 2} { // the hub, and a node using it
		t.Run(fmt.Sprintf("n%d", victim), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				c := startCluster(t, 3)
				defer c.stop()
				c.setup()
				var want []int
				for v := range 10 {
					c.call(c.ids[v%3], fmt.Sprintf(`{"type":"broadcast","message":%d,"msg_id":%d}`, v, v+10))
					want = append(want, v)
				}
				advance(5 * time.Second)
				had := slices.Clone(want)

				c.kill(victim)
				other := c.ids[(victim+1)%3]
				for v := 10; v < 15; v++ {
					c.call(other, fmt.Sprintf(`{"type":"broadcast","message":%d,"msg_id":%d}`, v, v+10))
					want = append(want, v)
				}
				advance(5 * time.Second)
				c.start(victim)
				id := c.ids[victim]
				if got := c.readValues(id); !isSubset(had, got) {
					t.Fatalf("just restarted, %s reads %v; its log had %v", id, got, had)
				}
				start := time.Now()
				caughtUp := func() {
					for !slices.Equal(c.readValues(id), want) {
						if time.Since(start) > time.Minute {
							t.Fatalf("after a minute %s reads %v, want %v", id, c.readValues(id), want)
						}
						advance(10 * time.Millisecond)
					}
				}
				caughtUp() // with no new value to carry the news
				t.Logf("%s read every value %v after its restart", id, time.Since(start))
				c.call(other, `{"type":"broadcast","message":15,"msg_id":30}`)
				want = append(want, 15)
				caughtUp()

				advance(10 * time.Second)
				before := c.delivered()
				advance(30 * time.Second)
				if sent := c.delivered() - before; sent != 0 {
					t.Errorf("%d messages between nodes in 30 s of quiet: some queue does not drain", sent)
				}
			})
		})
	}
}

// delivered asks the router how many lines it has passed between nodes.
func (c *cluster) delivered() int {
	reply := make(chan int)
	c.count <- reply
	return <-reply
}
