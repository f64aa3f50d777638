package messages

// Body is the typed body of a message. Each implementation is one Maelstrom
// (or rumor node-to-node) message type.
type Body interface {
	// Type is the body's "type" field.
	Type() string
}

// The message types rumor understands.
const (
	TypeInit        = "init"
	TypeInitOK      = "init_ok"
	TypeTopology    = "topology"
	TypeTopologyOK  = "topology_ok"
	TypeBroadcast   = "broadcast"
	TypeBroadcastOK = "broadcast_ok"
	TypeRead        = "read"
	TypeReadOK      = "read_ok"
	TypeError       = "error"
	TypeGossip      = "gossip"
	TypeAck         = "ack"
	TypeProbe       = "probe"
	TypeFence       = "fence"
)

// Request is the part every client request shares: the msg_id a reply must
// name. A request without a msg_id is still carried out; it just gets no
// reply, because there is nothing the reply could name.
type Request struct {
	MsgID    int64
	HasMsgID bool
}

// Init tells a node who it is and who its peers are.
type Init struct {
	Request
	NodeID  string
	NodeIDs []string
}

// Topology offers each node a list of neighbours. rumor may ignore it.
type Topology struct {
	Request
	Topology map[string][]string
}

// Broadcast asks a node to accept a value and spread it to every node.
type Broadcast struct {
	Request
	Message Value
}

// Read asks a node for every value it has seen.
type Read struct {
	Request
}

// InitOK answers Init.
type InitOK struct{ InReplyTo int64 }

// TopologyOK answers Topology.
type TopologyOK struct{ InReplyTo int64 }

// BroadcastOK answers Broadcast. Maelstrom's schema for it is closed: it must
// not echo the message back.
type BroadcastOK struct{ InReplyTo int64 }

// ReadOK answers Read with every value seen, as a JSON array (never null).
type ReadOK struct {
	InReplyTo int64
	Messages  []Value
}

// Error answers a request that failed, with one of Maelstrom's codes.
type Error struct {
	InReplyTo int64
	Code      Code
	Text      string
}

// Reply is any body that answers a request. rumor never acts on replies it
// receives: it sends no requests, so every reply it gets is unsolicited.
type Reply struct {
	Kind      string
	InReplyTo int64
}

// Gossip carries values from one node to another over a per-link stream.
// Values[i] has stream sequence number Seq+i. Ack piggybacks the sender's
// cumulative acknowledgement of the receiver's stream, and Held how many
// ticks the sender sat on it (as for Ack). Now asks the receiver to
// acknowledge at once rather than wait to piggyback: the batch is a resend,
// or the sender is looking for a new way to its hub. Stamp is the sender's
// clock when it sent the batch, and Echo the receiver's Stamp of the batch
// that brought the acknowledged stream to Ack (as for Ack). More, when not
// 0, promises that the sender's next message to the receiver, values or an
// Ack, follows within More ticks of the sender's clock (its batch
// interval): a hub streaming to its leaves says so, so that a leaf that
// then hears nothing knows it is cut off, not merely idle. Late says
// the values are late already: the sender had them from across a cut as
// it healed, or from off its tree, and the receiver passes them on at
// once rather than with its next batch. Path is the sender's route to its
// hub (as for Ack); Inc and ToInc name the streams.
type Gossip struct {
	Seq    uint64
	Values []Value
	Ack    uint64
	Held   uint64
	Stamp  uint64
	Echo   uint64
	Now    bool
	Late   bool
	More   uint64
	Path   []string
	HubTS  uint64
	Incarnations
}

// Ack acknowledges every value of the receiver's stream up to and including
// sequence number Ack. It is sent only when no gossip is going the same way.
//
// Held is how many ticks passed between the arrival of the value numbered
// Ack and this acknowledgement, as QUIC's ack_delay says: the receiver of
// the ack subtracts it from the round trip it measures, so an ack that was
// held on purpose (to ride on gossip, or until the values were passed on)
// does not read as a slow network. Echo is the Stamp of the batch whose
// arrival brought the stream to Ack (0 for none), as TCP's timestamp echo
// (RFC 7323) says: the receiver of the ack measures the round trip of the
// copy that was answered, resent or not. Path is the sender's route to its hub:
// the hub first, then each node between, ending with the sender's parent;
// empty when the sender is a hub itself, or routes by another strategy.
//
// HubTS (on Ack and Gossip) is how new the sender's way to its hub is
// known to be: the hub's own clock (its Stamp) on the newest message from
// the hub that reached the sender along Path, the hub's clock now when the
// sender is the hub, 0 when unknown. Stamps of one hub compare; a peer
// whose HubTS for the receiver's own hub is not newer than what the
// receiver has heard itself knows nothing the receiver does not, however
// short its path looks (a node cut off from its hub does not know it yet).
//
// Now asks the receiver to answer at once: a hello, sent to learn that the
// way to the receiver is open before any value needs it. More promises the
// sender's next message within More ticks, as for Gossip: a hub's
// greeting at topology does, so that a leaf cut off right after it
// knows at once. Ask is a question from a node whose way to
// its hub is in doubt: a receiver whose way to the same hub is newer
// answers at once, with what it holds.
//
// Values, on a question, are values the asker holds that its parent has
// not acknowledged. The asker cannot tell which of the peers it asks
// still has a way to the hub, so it hands them to each: one that has
// passes them on at once, a round trip before the asker could seek
// through it. They belong to no stream (no sequence number, never
// acknowledged): the asker keeps them until a stream delivers them, and a
// receiver that answers takes those it lacks as it takes a gossip's.
type Ack struct {
	Ack    uint64
	Held   uint64
	Echo   uint64
	Now    bool
	More   uint64
	Ask    bool
	Values []Value
	Path   []string
	HubTS  uint64
	Incarnations
}

// Probe is what a restarted node sends the peers it routes its values
// through, until each answers: "this is my new run (Inc); start your
// stream to me over and send me everything you hold". Any message back
// whose ToInc is Inc confirms it. ToInc is the receiver's run as the sender
// last heard it, usually 0: a restarted node has heard nothing yet.
type Probe struct {
	Path []string
	Incarnations
}

// Fence is a message a node sends itself after it finds it was stopped (a
// pause). Maelstrom delivers a node's messages in order of their due time,
// and client requests are due when sent, so every request sent before the
// node resumed reaches it before its fence. Seq tells one fence from the
// next.
type Fence struct {
	Seq uint64
}

// Incarnations tell a node-to-node message's streams apart across restarts.
// A node picks its incarnation when it starts, larger than any earlier one
// of the same id; sequence numbers and acks count within one pair of
// incarnations. Inc is the sender's; ToInc is the receiver's as the sender
// last heard it, 0 if it has heard nothing yet. Zero fields are left off
// the wire.
type Incarnations struct {
	Inc   uint64
	ToInc uint64
}

// Type implements Body.
func (Init) Type() string { return TypeInit }

// Type implements Body.
func (Topology) Type() string { return TypeTopology }

// Type implements Body.
func (Broadcast) Type() string { return TypeBroadcast }

// Type implements Body.
func (Read) Type() string { return TypeRead }

// Type implements Body.
func (InitOK) Type() string { return TypeInitOK }

// Type implements Body.
func (TopologyOK) Type() string { return TypeTopologyOK }

// Type implements Body.
func (BroadcastOK) Type() string { return TypeBroadcastOK }

// Type implements Body.
func (ReadOK) Type() string { return TypeReadOK }

// Type implements Body.
func (Error) Type() string { return TypeError }

// Type implements Body.
func (r Reply) Type() string { return r.Kind }

// Type implements Body.
func (Gossip) Type() string { return TypeGossip }

// Type implements Body.
func (Ack) Type() string { return TypeAck }

// Type implements Body.
func (Probe) Type() string { return TypeProbe }

// Type implements Body.
func (Fence) Type() string { return TypeFence }

// Message is one envelope with a typed body.
type Message struct {
	// ID is the network's message id, which Maelstrom adds to every message it
	// delivers. Nodes never need it; it is kept for logs.
	ID    int64
	HasID bool
	Src   string
	Dest  string
	Body  Body
}

// ReplyBody is a body that answers a request. Each reply type fills in its
// own in_reply_to, so a node that builds replies through this interface
// cannot send one without it: a new reply type that lacks the method does
// not compile where a reply is expected.
type ReplyBody interface {
	Body
	// InReplyToID returns the body answering the request with msg_id id.
	InReplyToID(id int64) Body
}

// InReplyToID implements ReplyBody.
func (b InitOK) InReplyToID(id int64) Body { b.InReplyTo = id; return b }

// InReplyToID implements ReplyBody.
func (b TopologyOK) InReplyToID(id int64) Body { b.InReplyTo = id; return b }

// InReplyToID implements ReplyBody.
func (b BroadcastOK) InReplyToID(id int64) Body { b.InReplyTo = id; return b }

// InReplyToID implements ReplyBody.
func (b ReadOK) InReplyToID(id int64) Body { b.InReplyTo = id; return b }

// InReplyToID implements ReplyBody.
func (b Error) InReplyToID(id int64) Body { b.InReplyTo = id; return b }

// InReplyToID implements ReplyBody.
func (b Reply) InReplyToID(id int64) Body { b.InReplyTo = id; return b }
