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
	id     string
	net    *netsim.Network
	opt    fakeOptions
	reject func(error) // the slot's: the network refused a send (§1.6)

	mu     sync.Mutex
	values []int64
	seen   map[int64]bool
	gate   chan struct{} // non-nil while paused: deliveries wait on it
	dead   bool          // stopped (killed): it handles nothing more
	muted  bool          // a send was refused: eddy reads it no more
	noInit bool          // never answers init
}

type fakeOptions struct {
	silentBroadcasts bool // never answer broadcast (client timeouts)
	crashed          bool // report an exit when stopped
	silentRestarts   bool // a node started again never answers init
}

func (f *fakeNode) ID() string { return f.id }
func (f *fakeNode) Kill()      { _ = f.Stop() }

// Stop ends the node; like a killed process, a paused one ends too.
func (f *fakeNode) Stop() error {
	f.mu.Lock()
	f.dead = true
	if f.gate != nil {
		close(f.gate)
		f.gate = nil
	}
	f.mu.Unlock()
	if f.opt.crashed {
		return errors.New("Node " + f.id + " crashed with exit status 3")
	}
	return nil
}

// Pause holds every delivery until Resume, as a stopped process's full
// pipe holds the network's delivery loop.
func (f *fakeNode) Pause() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.dead && f.gate == nil {
		f.gate = make(chan struct{})
	}
}

func (f *fakeNode) Resume() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.gate != nil {
		close(f.gate)
		f.gate = nil
	}
}

// fakeLauncher returns a launcher that starts fakeNodes among nodes.
func fakeLauncher(nodes []string, opt fakeOptions) launcher {
	var mu sync.Mutex
	launched := map[string]bool{}
	return func(s nodeSlot) (nodeProcess, func(*netsim.Message), error) {
		mu.Lock()
		restart := launched[s.ID]
		launched[s.ID] = true
		mu.Unlock()
		f := &fakeNode{id: s.ID, net: s.Net, opt: opt, reject: s.Reject, seen: map[int64]bool{}}
		f.noInit = restart && opt.silentRestarts
		return f, f.deliver(nodes), nil
	}
}

// deliver is the node's sink: it waits out a pause, then handles the
// message unless the node has been stopped meanwhile.
func (f *fakeNode) deliver(nodes []string) func(*netsim.Message) {
	return func(m *netsim.Message) {
		f.mu.Lock()
		gate := f.gate
		f.mu.Unlock()
		if gate != nil {
			<-gate
		}
		f.mu.Lock()
		dead := f.dead
		f.mu.Unlock()
		if !dead {
			f.handle(m, nodes)
		}
	}
}

// reply sends body to another member. The first send the network refuses
// (a reply to a closed client) mutes the node, as Maelstrom then stops
// reading a node's stdout (§1.6).
func (f *fakeNode) reply(to string, body map[string]any) {
	f.mu.Lock()
	muted := f.muted
	f.mu.Unlock()
	if muted {
		return
	}
	raw, _ := json.Marshal(body)
	if err := f.net.Send(netsim.Message{Src: f.id, Dest: to, Type: body["type"].(string), Body: raw}); err != nil {
		f.mu.Lock()
		f.muted = true
		f.mu.Unlock()
		f.reject(err)
	}
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
		if !f.noInit {
			f.reply(m.Src, map[string]any{"type": "init_ok", "in_reply_to": req.MsgID})
		}
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
