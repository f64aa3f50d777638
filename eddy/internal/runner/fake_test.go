package runner

import (
	"encoding/json"
	"errors"
	"sync"

	"eddy/internal/netsim"
)

// fakeNode is an in-process broadcast node for the runner's tests: it lives
// entirely on the simulated network, so a whole run fits in a synctest
// bubble and takes no real time.
type fakeNode struct {
	id  string
	net *netsim.Network
	opt fakeOptions

	mu     sync.Mutex
	values []int64
	seen   map[int64]bool
}

type fakeOptions struct {
	silentBroadcasts bool // never answer broadcast (client timeouts)
	crashed          bool // report an exit at teardown
}

func (f *fakeNode) ID() string { return f.id }
func (f *fakeNode) Kill()      {}
func (f *fakeNode) Stop() error {
	if f.opt.crashed {
		return errors.New("Node " + f.id + " crashed with exit status 3")
	}
	return nil
}

// fakeLauncher returns a launcher that starts fakeNodes among nodes.
func fakeLauncher(nodes []string, opt fakeOptions) launcher {
	return func(s nodeSlot) (nodeProcess, error) {
		f := &fakeNode{id: s.ID, net: s.Net, opt: opt, seen: map[int64]bool{}}
		s.Loops.run(s.Member, func(m *netsim.Message) { f.handle(m, nodes) })
		return f, nil
	}
}

func (f *fakeNode) reply(to string, body map[string]any) {
	raw, _ := json.Marshal(body)
	_ = f.net.Send(netsim.Message{Src: f.id, Dest: to, Type: body["type"].(string), Body: raw})
}

// handle is a correct (if chatty) broadcast node: every new value is sent
// straight to every other node.
func (f *fakeNode) handle(m *netsim.Message, nodes []string) {
	var req struct {
		Type    string `json:"type"`
		MsgID   int64  `json:"msg_id"`
		Message int64  `json:"message"`
	}
	_ = json.Unmarshal(m.Body, &req)
	switch req.Type {
	case "init":
		f.reply(m.Src, map[string]any{"type": "init_ok", "in_reply_to": req.MsgID})
	case "topology":
		f.reply(m.Src, map[string]any{"type": "topology_ok", "in_reply_to": req.MsgID})
	case "broadcast", "gossip":
		if f.learn(req.Message) {
			for _, n := range nodes {
				if n != f.id {
					f.reply(n, map[string]any{"type": "gossip", "message": req.Message})
				}
			}
		}
		if req.Type == "broadcast" && !f.opt.silentBroadcasts {
			f.reply(m.Src, map[string]any{"type": "broadcast_ok", "in_reply_to": req.MsgID})
		}
	case "read":
		f.mu.Lock()
		msgs := append([]int64{}, f.values...)
		f.mu.Unlock()
		f.reply(m.Src, map[string]any{"type": "read_ok", "in_reply_to": req.MsgID, "messages": msgs})
	}
}

func (f *fakeNode) learn(v int64) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.seen[v] {
		return false
	}
	f.seen[v] = true
	f.values = append(f.values, v)
	return true
}
