package sim

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"rumor/actor"
	"rumor/messages"
)

// Stories are readable scenario scripts in testdata/stories, in the style
// of etcd raft's testdata: each block is a few commands, a line of dashes,
// and what the cluster did in answer (every message a node sent, and every
// note it logged), then a blank line. TestStories replays each story and
// compares; -rewrite writes what the nodes did now back into the files,
// for a human to read and judge in the diff.
//
// The cluster is driven by hand: messages wait in one queue until a
// deliver command hands them on, in the order they were sent, and time is
// what tick commands say. The commands:
//
//	cluster STRATEGY N      N nodes n0…, inited by c0…; incarnation 1 each
//	broadcast NODE VALUE    a client (c9) broadcasts VALUE to NODE
//	read NODE               a client (c9) reads NODE
//	topology                a client (c9) sends every node a topology, as Maelstrom does after init
//	deliver                 hand every queued message on, and what that sends, until none is left
//	tick [N]                N ticks (1) for every running node
//	run N                   N times: a tick, then deliver (a network about a tick fast)
//	latency K               from now on run delivers each message K ticks after it was sent (0: at the next run step)
//	cut A B / heal          lose messages between A and B both ways / no more
//	cut-one-way A B         lose messages from A to B (not from B to A)
//	kill NODE [torn K]      kill NODE; with torn, in its next write, K bytes of which reach the disk
//	start NODE              start NODE again: a larger incarnation, init from a later client (c41)
//	pause NODE / resume NODE
var rewrite = flag.Bool("rewrite", false, "rewrite testdata/stories with what the nodes do now")

func TestStories(t *testing.T) {
	files, _ := filepath.Glob("testdata/stories/*.txt")
	if len(files) == 0 {
		t.Fatal("no stories")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			got := tell(t, string(data))
			if *rewrite {
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != string(data) {
				t.Errorf("%s does not replay as written; run go test ./internal/sim -run TestStories -rewrite and read the diff:\n%s", file, firstDifference(string(data), got))
			}
		})
	}
}

// tell runs a story and returns it with each block's answer written anew.
func tell(t *testing.T, story string) string {
	var out strings.Builder
	st := &storyCluster{t: t, disk: NewDisk(), nodes: map[string]*storyNode{}}
	sc := bufio.NewScanner(strings.NewReader(story))
	inAnswer := false
	for sc.Scan() {
		line := sc.Text()
		switch {
		case inAnswer && line == "":
			inAnswer = false
			out.WriteString("\n")
		case inAnswer:
		case line == "----":
			inAnswer = true
			out.WriteString("----\n")
			for _, said := range st.said {
				out.WriteString(said + "\n")
			}
			st.said = nil
		case line == "" || strings.HasPrefix(line, "#"):
			out.WriteString(line + "\n")
		default:
			out.WriteString(line + "\n")
			st.run(strings.Fields(line))
		}
	}
	if inAnswer {
		out.WriteString("\n")
	}
	return strings.TrimRight(out.String(), "\n") + "\n"
}

type storyNode struct {
	core     *actor.Node
	inc      uint64
	state    procState
	pausedAt int
	backlog  []messages.Message // what reached it while it was paused, in order
	tornAt   int                // with a kill armed: bytes of the next write that reach the disk; -1 if none
}

type storyCluster struct {
	t     *testing.T
	cfg   actor.Config
	ids   []string
	nodes map[string]*storyNode
	disk  *Disk
	queue []queued
	// latency is how many ticks after it was sent run delivers a message.
	latency int
	cut     map[[2]string]bool
	now     int
	msgID   int64
	said    []string
}

func (st *storyCluster) run(cmd []string) {
	arg := func(i int) string {
		if i >= len(cmd) {
			st.t.Fatalf("%v: missing argument %d", cmd, i)
		}
		return cmd[i]
	}
	num := func(i int) int {
		n, err := strconv.Atoi(arg(i))
		if err != nil {
			st.t.Fatalf("%v: %v", cmd, err)
		}
		return n
	}
	switch cmd[0] {
	case "cluster":
		s, err := actor.ParseStrategy(arg(1))
		if err != nil {
			st.t.Fatal(err)
		}
		st.cfg = actor.Config{Strategy: s, BatchTicks: 3, RetransmitTicks: 10, MaxRetransmitTicks: 40, AckTicks: 5}
		st.cut = map[[2]string]bool{}
		for i := range num(2) {
			st.ids = append(st.ids, fmt.Sprintf("n%d", i))
		}
		for i, id := range st.ids {
			st.nodes[id] = &storyNode{tornAt: -1}
			st.boot(id, fmt.Sprintf("c%d", i))
		}
	case "broadcast":
		st.request(arg(1), messages.Broadcast{Request: st.newRequest(), Message: messages.IntValue(int64(num(2)))})
	case "read":
		st.request(arg(1), messages.Read{Request: st.newRequest()})
	case "topology":
		// What Maelstrom sends once every node has answered init: each
		// node its neighbours (none here; the star ignores them).
		for _, id := range st.ids {
			st.request(id, messages.Topology{Request: st.newRequest()})
		}
	case "deliver":
		st.deliver(math.MaxInt)
	case "tick":
		count := 1
		if len(cmd) > 1 {
			count = num(1)
		}
		for range count {
			st.now++
			for _, id := range st.ids {
				if st.nodes[id].state == procUp {
					st.step(id, actor.Tick{})
				}
			}
		}
	case "run":
		for range num(1) {
			st.run([]string{"tick"})
			st.deliver(st.now)
		}
	case "latency":
		st.latency = num(1)
	case "cut":
		st.cut[[2]string{arg(1), arg(2)}], st.cut[[2]string{arg(2), arg(1)}] = true, true
	case "cut-one-way":
		st.cut[[2]string{arg(1), arg(2)}] = true
	case "heal":
		clear(st.cut)
	case "kill":
		n := st.nodes[arg(1)]
		if len(cmd) > 2 && cmd[2] == "torn" {
			n.tornAt = num(3)
			return
		}
		n.state = procDead
	case "start":
		st.boot(arg(1), "c41")
	case "pause":
		st.nodes[arg(1)].state, st.nodes[arg(1)].pausedAt = procPaused, st.now
	case "resume":
		id := arg(1)
		n := st.nodes[id]
		n.state = procUp
		if missed := st.now - n.pausedAt; missed > 0 {
			st.step(id, actor.Tick{N: int64(missed)})
		}
		st.step(id, actor.Resumed{})
		backlog := n.backlog
		n.backlog = nil
		for _, m := range backlog {
			st.step(id, actor.Received{Msg: m})
		}
	default:
		st.t.Fatalf("unknown command %q", cmd[0])
	}
}

// boot starts a process for id, inited by client.
func (st *storyCluster) boot(id, client string) {
	n := st.nodes[id]
	n.inc++
	cfg := st.cfg
	cfg.Incarnation = n.inc
	core, err := actor.NewNode(cfg)
	if err != nil {
		st.t.Fatal(err)
	}
	n.core, n.state = core, procUp
	st.step(id, actor.Received{Msg: messages.Message{Src: client, Dest: id, Body: messages.Init{
		Request: messages.Request{MsgID: 1, HasMsgID: true}, NodeID: id, NodeIDs: st.ids}}})
}

// request has client c9 send body to id: applied at once, as client
// traffic has no latency, unless id is paused.
func (st *storyCluster) request(id string, body messages.Body) {
	m := messages.Message{Src: "c9", Dest: id, Body: body}
	if n := st.nodes[id]; n.state == procPaused {
		n.backlog = append(n.backlog, m)
		return
	}
	st.step(id, actor.Received{Msg: m})
}

func (st *storyCluster) newRequest() messages.Request {
	st.msgID++
	return messages.Request{MsgID: st.msgID, HasMsgID: true}
}

// step applies ev to node id, doing its writes on the disk (or dying in
// one), and records what it sent and noted.
func (st *storyCluster) step(id string, ev actor.Event) {
	n := st.nodes[id]
	out := n.core.Step(ev)
	var next actor.Event
	switch {
	case out.OpenLog != nil:
		values, problems := st.disk.open(id, out.OpenLog.Fresh)
		next = actor.Recovered{Values: values, Problems: problems}
	case len(out.Persist) > 0:
		if n.tornAt >= 0 {
			st.disk.append(id, out.Persist, n.tornAt)
			st.say("%s killed while writing %s: %d of %d bytes reach the disk", id, messages.AppendValues(nil, out.Persist), min(n.tornAt, recordsLen(out.Persist)), recordsLen(out.Persist))
			n.state, n.tornAt = procDead, -1
			return
		}
		st.disk.append(id, out.Persist, -1)
		next = actor.Persisted{}
	}
	st.take(id, out)
	if next != nil {
		st.take(id, n.core.Step(next))
	}
}

func (st *storyCluster) take(id string, out actor.Output) {
	for _, p := range out.Problems {
		st.say("%s problem: %s", id, p)
	}
	for _, note := range out.Notes {
		st.say("%s note: %s", id, note)
	}
	for _, m := range out.Messages {
		st.say("%s", bytes.TrimSpace(messages.Encode(m)))
		if _, node := st.nodes[m.Dest]; node {
			st.queue = append(st.queue, queued{m, st.now + st.latency})
		}
	}
}

func (st *storyCluster) say(format string, args ...any) {
	st.said = append(st.said, fmt.Sprintf(format, args...))
}

// firstDifference shows where two texts part.
func firstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range min(len(w), len(g)) {
		if w[i] != g[i] {
			return fmt.Sprintf("line %d:\n  want %s\n  got  %s", i+1, w[i], g[i])
		}
	}
	return fmt.Sprintf("the texts part at line %d", min(len(w), len(g))+1)
}

// queued is a message on its way, and the tick from which run delivers it.
type queued struct {
	msg messages.Message
	due int
}

// deliver hands on, in the order they were sent, every queued message due
// by until, and what those send that is due by then too; the rest wait.
func (st *storyCluster) deliver(until int) {
	for {
		i := slices.IndexFunc(st.queue, func(q queued) bool { return q.due <= until })
		if i < 0 {
			return
		}
		m := st.queue[i].msg
		st.queue = slices.Delete(st.queue, i, i+1)
		n, up := st.nodes[m.Dest]
		switch {
		case !up:
		case st.cut[[2]string{m.Src, m.Dest}]:
			st.say("%s -x %s %s (cut)", m.Src, m.Dest, m.Body.Type())
		case n.state == procDead:
			st.say("%s -x %s %s (dead)", m.Src, m.Dest, m.Body.Type())
		case n.state == procPaused:
			n.backlog = append(n.backlog, m) // waits for the resume
		default:
			st.step(m.Dest, actor.Received{Msg: m})
		}
	}
}
