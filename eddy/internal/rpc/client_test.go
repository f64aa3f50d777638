package rpc

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"

	"eddy/internal/netsim"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// fakeNode answers each request with reply(msgID) — a JSON body, or "" to
// stay silent.
func fakeNode(t *testing.T, reply func(msgID int64) string) (*netsim.Network, func()) {
	t.Helper()
	net, err := netsim.New(netsim.Options{Latency: netsim.Latency{Dist: netsim.Constant}, Rand: rand.New(rand.NewPCG(1, 1))})
	if err != nil {
		t.Fatal(err)
	}
	n0, _ := net.Register("n0")
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		n0.Deliver(done, func(m *netsim.Message) {
			var req struct {
				MsgID int64 `json:"msg_id"`
			}
			_ = json.Unmarshal(m.Body, &req)
			if body := reply(req.MsgID); body != "" {
				_ = net.Send(netsim.Message{Src: "n0", Dest: m.Src, Body: []byte(body)})
			}
		})
	}()
	return net, func() { close(done); wg.Wait() }
}

func call(t *testing.T, reply func(int64) string, req Request) (map[string]json.RawMessage, error) {
	var got map[string]json.RawMessage
	var err error
	synctest.Test(t, func(t *testing.T) {
		net, stop := fakeNode(t, reply)
		defer stop()
		c := Open(net)
		got, err = c.Call(nil, "n0", req, DefaultTimeout)
	})
	return got, err
}

func TestValidRepliesPass(t *testing.T) {
	if _, err := call(t, func(id int64) string {
		return `{"type":"broadcast_ok","in_reply_to":` + itoa(id) + `,"msg_id":9}`
	}, Broadcast(3)); err != nil {
		t.Errorf("broadcast_ok rejected: %v", err)
	}
	f, err := call(t, func(id int64) string {
		return `{"type":"read_ok","messages":[1,1,2.0,"3",99999999999999999999],"in_reply_to":` + itoa(id) + `}`
	}, Read())
	if err != nil {
		t.Fatalf("read_ok rejected: %v", err)
	}
	msgs := Messages(f)
	if len(msgs) != 5 || !msgs[0].IsInt() || msgs[0].Int != 1 || !msgs[1].IsInt() || msgs[1].Int != 1 {
		t.Errorf("messages %#v", msgs)
	}
	for _, i := range []int{2, 3, 4} {
		if msgs[i].IsInt() {
			t.Errorf("element %d (%v) should stay raw JSON", i, msgs[i])
		}
	}
}

func TestClosedSchemasRejectExtras(t *testing.T) {
	cases := map[string]struct {
		req   Request
		reply string
		why   string
	}{
		"echoed message":       {Broadcast(3), `{"type":"broadcast_ok","in_reply_to":1,"message":3}`, ":message disallowed-key"},
		"null messages":        {Read(), `{"type":"read_ok","in_reply_to":1,"messages":null}`, ":messages (not (sequential? nil))"},
		"missing messages":     {Read(), `{"type":"read_ok","in_reply_to":1}`, ":messages missing-required-key"},
		"float in_reply_to":    {Broadcast(3), `{"type":"broadcast_ok","in_reply_to":1.0}`, ":in_reply_to (not (integer? 1.0))"},
		"float msg_id":         {Broadcast(3), `{"type":"broadcast_ok","in_reply_to":1,"msg_id":2.5}`, ":msg_id (not (integer? 2.5))"},
		"wrong type":           {Broadcast(3), `{"type":"read_ok","in_reply_to":1}`, `:type (not (= "broadcast_ok" "read_ok"))`},
		"topology with extras": {Topology(map[string][]string{"n0": {}}), `{"type":"topology_ok","in_reply_to":1,"ok":true}`, ":ok disallowed-key"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := call(t, func(int64) string { return c.reply }, c.req)
			var bad *MalformedError
			if !errors.As(err, &bad) || !strings.Contains(bad.Message, c.why) {
				t.Errorf("err %v, want malformed because %s", err, c.why)
			}
		})
	}
}

func TestErrorRepliesAreRecognisedFirst(t *testing.T) {
	_, err := call(t, func(int64) string {
		return `{"type":"error","in_reply_to":1,"code":11,"text":"busy","extra":true}`
	}, Broadcast(1))
	var rpcErr *Error
	if !errors.As(err, &rpcErr) || !rpcErr.Definite || rpcErr.EDN() != `[:temporarily-unavailable "busy"]` {
		t.Errorf("err %v", err)
	}
	_, err = call(t, func(int64) string { return `{"type":"error","in_reply_to":1,"code":1000}` }, Broadcast(1))
	if !errors.As(err, &rpcErr) || rpcErr.Definite || rpcErr.EDN() != `[:unknown nil]` {
		t.Errorf("unknown code: err %v", err)
	}
}

func TestStaleRepliesAreSkippedUntilTimeout(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		net, stop := fakeNode(t, func(id int64) string {
			return `{"type":"broadcast_ok","in_reply_to":` + itoa(id+100) + `}`
		})
		defer stop()
		c := Open(net)
		start := time.Now()
		_, err := c.Call(nil, "n0", Broadcast(1), DefaultTimeout)
		if !errors.Is(err, ErrTimeout) || time.Since(start) != DefaultTimeout {
			t.Errorf("err %v after %v, want timeout after 5s", err, time.Since(start))
		}
		if c.lastMsgID != 1 {
			t.Errorf("msg ids start at 1, got %d", c.lastMsgID)
		}
	})
}

func itoa(n int64) string { b, _ := json.Marshal(n); return string(b) }

func TestLandedTellsWhenTheLatestRequestReachedItsNode(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		net, stop := fakeNode(t, func(id int64) string {
			return `{"type":"broadcast_ok","in_reply_to":` + itoa(id) + `}`
		})
		defer stop()
		c := Open(net)
		if _, ok := c.Landed(); ok {
			t.Error("Landed answered before any call")
		}
		if _, err := c.Call(nil, "n0", Broadcast(1), DefaultTimeout); err != nil {
			t.Fatal(err)
		}
		at, ok := c.Landed()
		if !ok || at != net.Now() {
			t.Errorf("Landed = %v, %v; want %v, true (no latency, nothing ahead of it)", at, ok, net.Now())
		}
		if _, ok := c.Landed(); ok {
			t.Error("Landed answered twice for one call")
		}
	})
}
