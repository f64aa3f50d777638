// This file is the shared body of eddy's test nodes: a small Maelstrom
// broadcast node whose behaviour each mutant file (built together with this
// one) tunes through the mutant variable. The nodes exist to prove that eddy
// tells a correct node from each kind of broken one.
//
// Optional argument: --pid-dir DIR writes DIR/<pid> at start-up, so tests can
// check that no node outlives eddy.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// behaviour is what distinguishes one mutant from another.
type behaviour struct {
	gossip        string             // "none", "once" (fire and forget) or "periodic" (batched, acked, retried)
	keep          func(v int64) bool // whether a broadcast value is stored at all
	extraBroadOK  map[string]any     // extra keys put into broadcast_ok
	extraTopoOK   map[string]any     // extra keys put into topology_ok
	exitAfterReqs int                // exit(3) after this many client requests (0 = never)
	panicAtStart  string             // panic with this message before reading anything
	// persist keeps every value in a file in the working directory, named
	// after the node id, written before the value is acknowledged and
	// read back at init, so a killed node starts again with what it had.
	// Such a node gossips to every node of init's node_ids rather than to
	// its topology neighbours (a restarted node gets no topology), and
	// after a restart sends everything it holds to everyone again.
	persist bool
}

var mutant behaviour

type envelope struct {
	Src  string          `json:"src"`
	Dest string          `json:"dest"`
	Body json.RawMessage `json:"body"`
}

type node struct {
	outMu sync.Mutex
	out   *bufio.Writer

	mu         sync.Mutex
	id         string
	neighbours []string
	log        *os.File // the values file of a persisting node
	values     map[int64]bool
	unacked    map[string]map[int64]bool // neighbour -> values it has not acknowledged
	clientReqs int
}

func main() {
	if dir := pidDir(os.Args[1:]); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, strconv.Itoa(os.Getpid())), nil, 0o644)
	}
	if mutant.panicAtStart != "" {
		panic(mutant.panicAtStart)
	}
	n := &node{out: bufio.NewWriter(os.Stdout), values: map[int64]bool{}, unacked: map[string]map[int64]bool{}}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<26)
	// Messages read before init wait for it: until then the node does not
	// know its own id, and a reply from no one would be refused, muting the
	// node (§1.6). A restarted node's clients may write to it before eddy's
	// init does (§12.6).
	var early []envelope
	for in.Scan() {
		var env envelope
		if err := json.Unmarshal(in.Bytes(), &env); err != nil {
			fmt.Fprintln(os.Stderr, "bad line:", err)
			continue
		}
		if n.id == "" && !isInit(env) {
			early = append(early, env)
			continue
		}
		n.handle(env)
		for _, e := range early {
			n.handle(e)
		}
		early = nil
	}
}

// isInit reports whether env carries an init message.
func isInit(env envelope) bool {
	var b struct {
		Type string `json:"type"`
	}
	return json.Unmarshal(env.Body, &b) == nil && b.Type == "init"
}

func pidDir(args []string) string {
	for i, a := range args {
		if a == "--pid-dir" && i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}

func (n *node) send(dest string, body map[string]any) {
	line, _ := json.Marshal(map[string]any{"src": n.id, "dest": dest, "body": body})
	n.outMu.Lock()
	n.out.Write(line)
	n.out.WriteByte('\n')
	n.out.Flush()
	n.outMu.Unlock()
}

func (n *node) reply(env envelope, msgID int64, body map[string]any) {
	body["in_reply_to"] = msgID
	n.send(env.Src, body)
}

func (n *node) handle(env envelope) {
	var req struct {
		Type     string              `json:"type"`
		MsgID    int64               `json:"msg_id"`
		NodeID   string              `json:"node_id"`
		Message  int64               `json:"message"`
		Values   []int64             `json:"values"`
		Topology map[string][]string `json:"topology"`
		NodeIDs  []string            `json:"node_ids"`
	}
	if err := json.Unmarshal(env.Body, &req); err != nil {
		fmt.Fprintln(os.Stderr, "bad body:", err)
		return
	}
	switch req.Type {
	case "init":
		n.mu.Lock()
		n.id = req.NodeID
		if mutant.persist {
			n.recover(req.NodeIDs)
		}
		n.mu.Unlock()
		n.reply(env, req.MsgID, map[string]any{"type": "init_ok"})
		if mutant.gossip == "periodic" {
			go n.gossipLoop()
		}
	case "topology":
		n.mu.Lock()
		if !mutant.persist {
			n.neighbours = req.Topology[n.id]
		}
		n.mu.Unlock()
		n.reply(env, req.MsgID, withExtras(map[string]any{"type": "topology_ok"}, mutant.extraTopoOK))
	case "broadcast":
		n.countClientRequest()
		n.learn([]int64{req.Message}, "", true)
		n.reply(env, req.MsgID, withExtras(map[string]any{"type": "broadcast_ok"}, mutant.extraBroadOK))
	case "read":
		n.countClientRequest()
		n.mu.Lock()
		msgs := make([]int64, 0, len(n.values))
		for v := range n.values {
			msgs = append(msgs, v)
		}
		n.mu.Unlock()
		sort.Slice(msgs, func(i, j int) bool { return msgs[i] < msgs[j] })
		n.reply(env, req.MsgID, map[string]any{"type": "read_ok", "messages": msgs})
	case "gossip":
		n.learn(req.Values, env.Src, false)
		if mutant.gossip == "periodic" {
			n.send(env.Src, map[string]any{"type": "gossip_ok", "values": req.Values})
		}
	case "gossip_ok":
		n.mu.Lock()
		for _, v := range req.Values {
			delete(n.unacked[env.Src], v)
		}
		n.mu.Unlock()
	}
}

func withExtras(body, extras map[string]any) map[string]any {
	for k, v := range extras {
		body[k] = v
	}
	return body
}

func (n *node) countClientRequest() {
	n.mu.Lock()
	n.clientReqs++
	quit := mutant.exitAfterReqs > 0 && n.clientReqs >= mutant.exitAfterReqs
	n.mu.Unlock()
	if quit {
		fmt.Fprintln(os.Stderr, "quitting on purpose")
		os.Exit(3)
	}
}

// learn stores new values and passes them on according to the gossip style.
func (n *node) learn(values []int64, from string, fromClient bool) {
	var fresh []int64
	n.mu.Lock()
	for _, v := range values {
		if fromClient && mutant.keep != nil && !mutant.keep(v) {
			continue
		}
		if !n.values[v] {
			n.values[v] = true
			fresh = append(fresh, v)
		}
	}
	if n.log != nil && len(fresh) > 0 {
		// Written before the caller acknowledges anything.
		var b []byte
		for _, v := range fresh {
			b = strconv.AppendInt(b, v, 10)
			b = append(b, '\n')
		}
		if _, err := n.log.Write(b); err != nil {
			fmt.Fprintln(os.Stderr, "persisting:", err)
		}
	}
	neighbours := n.neighbours
	if mutant.gossip == "periodic" {
		for _, nb := range neighbours {
			if nb == from {
				continue
			}
			if n.unacked[nb] == nil {
				n.unacked[nb] = map[int64]bool{}
			}
			for _, v := range fresh {
				n.unacked[nb][v] = true
			}
		}
	}
	n.mu.Unlock()
	if mutant.gossip == "once" && len(fresh) > 0 {
		for _, nb := range neighbours {
			if nb != from {
				n.send(nb, map[string]any{"type": "gossip", "values": fresh})
			}
		}
	}
}

// gossipLoop resends every unacknowledged value to each neighbour every
// 100 ms until it is acknowledged, which survives any partition that heals.
func (n *node) gossipLoop() {
	for range time.Tick(100 * time.Millisecond) {
		n.mu.Lock()
		batches := map[string][]int64{}
		for nb, vals := range n.unacked {
			for v := range vals {
				batches[nb] = append(batches[nb], v)
			}
		}
		n.mu.Unlock()
		for nb, vals := range batches {
			n.send(nb, map[string]any{"type": "gossip", "values": vals})
		}
	}
}

// recover opens the node's values file, loads what an earlier process of
// the same node wrote, and queues all of it for every other node. Called
// with n.mu held.
func (n *node) recover(nodeIDs []string) {
	name := "eddy-test-node-" + n.id + ".values"
	if raw, err := os.ReadFile(name); err == nil {
		for _, line := range strings.Fields(string(raw)) {
			if v, err := strconv.ParseInt(line, 10, 64); err == nil {
				n.values[v] = true
			}
		}
	}
	f, err := os.OpenFile(name, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		fmt.Fprintln(os.Stderr, "values file:", err)
		os.Exit(1)
	}
	n.log = f
	n.neighbours = nil
	for _, peer := range nodeIDs {
		if peer == n.id {
			continue
		}
		n.neighbours = append(n.neighbours, peer)
		n.unacked[peer] = map[int64]bool{}
		for v := range n.values {
			n.unacked[peer][v] = true
		}
	}
}
