package rpc

import (
	"encoding/json"
	"time"

	"eddy/internal/netsim"
)

// DefaultTimeout is Maelstrom's client timeout for topology, broadcast and
// read; InitTimeout is the longer one for init.
const (
	DefaultTimeout = 5 * time.Second
	InitTimeout    = 10 * time.Second
)

// Client is one Maelstrom client: a network member with its own msg_id
// counter. It is not safe for concurrent use, by design: Maelstrom clients
// have one request in flight.
type Client struct {
	net       *netsim.Network
	member    *netsim.Member
	lastMsgID int64
	// request is the network id of the latest request sent, and sent
	// whether there was one: Landed asks the network about it.
	request int64
	sent    bool
}

// Open registers the next client id (c0, c1, …).
func Open(net *netsim.Network) *Client {
	return &Client{net: net, member: net.OpenClient()}
}

// ID is the client's member id.
func (c *Client) ID() string { return c.member.ID() }

// Close unregisters the client; late replies to it then poison their
// sender's stdout, as in Maelstrom.
func (c *Client) Close() { c.net.Unregister(c.ID()) }

// Landed reports when the latest Call's request reached its node, on the
// network's Now clock: later than the call whenever the node's delivery
// loop was sleeping on a server message (head-of-line blocking). False if
// it has not landed, or was never sent; asking again also reports false.
func (c *Client) Landed() (int64, bool) {
	if !c.sent {
		return 0, false
	}
	c.sent = false
	return c.net.Landed(c.request)
}

// Call sends req to dest and waits up to timeout for the matching reply.
// Closing done abandons the wait (reported as ErrTimeout).
func (c *Client) Call(done <-chan struct{}, dest string, req Request, timeout time.Duration) (map[string]json.RawMessage, error) {
	c.lastMsgID++
	msgID := c.lastMsgID
	body := req.body(msgID)
	id, err := c.net.Request(netsim.Message{Src: c.ID(), Dest: dest, Type: req.Type(), Body: body})
	c.request, c.sent = id, err == nil
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(timeout)
	for {
		left := time.Until(deadline)
		if left <= 0 {
			return nil, ErrTimeout
		}
		msg, ok := c.member.Poll(done, left)
		if !ok {
			return nil, ErrTimeout
		}
		var f fields
		if json.Unmarshal(msg.Body, &f) != nil || !f.answers(msgID) {
			continue // a reply to something we gave up on, or noise
		}
		if e, isErr := f.asError(); isErr {
			return nil, e
		}
		if req.required == nil {
			// init: only the type is checked, with no closed schema.
			if t, _ := f.str("type"); t != req.Reply {
				return nil, &MalformedError{Message: "init reply has type " + string(orNil(f["type"])) + ", want init_ok"}
			}
			return f, nil
		}
		if problems := req.problems(f); len(problems) > 0 {
			return nil, req.malformed(dest, body, msg.Body, problems)
		}
		return f, nil
	}
}
