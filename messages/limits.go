package messages

// Limits that make every accepted value deliverable. A node refuses, at
// broadcast and before broadcast_ok, any value that breaks one of them, so
// every value it acknowledges fits in one gossip message that every peer
// reads, and in a read_ok that Maelstrom reads.
//
// The numbers and their headroom:
//
//   - MaxLineBytes (64 MiB) is the longest line a node reads. It is what a
//     peer accepts; everything a node sends to a peer stays well under it.
//   - MaxValueBytes (16 MiB) bounds one value's canonical JSON text, which is
//     exactly the text that travels. A gossip message holding one such value
//     is 16 MiB plus an envelope of about a hundred bytes: four times under
//     MaxLineBytes. (Maelstrom's JSON reader, Jackson, refuses strings of more
//     than 20 million characters by default; 16 MiB stays under that too.)
//   - MaxValueDepth (100) bounds how deeply a value nests arrays and objects.
//     A peer checks it on each value by itself, so the levels a message
//     wraps around a value (envelope, body, values array) never count
//     against it; Jackson's default limit for a whole document is 1000.
//   - MaxNodeIDBytes (1 KiB) bounds each id in init, since every gossip
//     message carries two of them: with ids that long, a message holding one
//     largest value still stays four times under MaxLineBytes.
//   - MaxPathIDs (64) bounds the path a node-to-node message carries (the
//     sender's route to its hub, one id per hop): even with ids of
//     MaxNodeIDBytes, 64 KiB of envelope. A node's tree is at most as deep
//     as the cluster is wide, and the actor package keeps it shallower
//     still.
//   - MaxGossipValues (1 Mi) is the most values a peer takes in one gossip
//     message. It keeps the decoded form of a line proportional to the line:
//     a Value takes 24 bytes however short its text.
//
// Senders bound their gossip far lower (the actor package batches at most
// about 1 MiB and a few thousand values per message), so a backlog of any size
// drains in many small messages and one value never holds back another.
const (
	MaxLineBytes    = 64 << 20
	MaxValueBytes   = 16 << 20
	MaxValueDepth   = 100
	MaxNodeIDBytes  = 1 << 10
	MaxPathIDs      = 64
	MaxGossipValues = 1 << 20
)
