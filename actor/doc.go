// Package actor is rumor's broadcast node: a pure state machine (Node) and
// the thin shell that drives it (Loop).
//
// The contract of Node, modelled on etcd's raft: Step takes one Event (a
// decoded message, a line that failed to decode, a Tick, the report of a
// write, a pause) and returns the Output it causes: messages to send,
// problems and notes to log, values to write to the log first, and how
// many ticks from now the next Tick that can do anything falls. Node owns
// all the state; it has no clock (time is what Ticks say), starts no
// goroutines, does no I/O, uses no locks and no randomness, and iterates
// maps only in sorted order, so the same events always give the same
// outputs.
//
// Durability is raft's Ready (durable.go, recovery.go): a message that
// brings values the node does not hold is held back while the Output asks
// for them to be written (Persist); the shell writes them with one append
// and steps Persisted, and only then are they stored, routed, answered and
// acknowledged. Init likewise asks for the log to be opened (OpenLog) and
// waits for Recovered. Whether init starts a test afresh or restarts the
// node within one is read from who sends it (recovery.go); a restarted
// node rejoins by probing its peers until one confirms it (progress.go).
//
// The contract of Loop: one goroutine owns a Node and selects over an event
// channel, a ticker, a heartbeat and a stop request. It does the writes the
// node asks for through a Storage before it hands the outputs to its
// Handler. The ticker is armed only for the tick the node asked for; the
// ticks before it are delivered together, as one Tick, when it fires or
// before the next event, so the node's clock is the wall clock's count of
// ticks and an idle node takes no Tick at all. A Tick that lands well past
// the tick the node asked for puts its timeouts off for a while, so that it
// reads what came in while it could not run before it judges any peer
// silent (wake.go). The heartbeat notices that the process was stopped and
// tells the node (Resumed; pause.go, fence.go).
// Push hands it an event and never blocks after Stop; Stop is idempotent
// and returns once the goroutine has exited and every output it produced
// has been handled (written, or given up by a handler whose output cannot
// be written).
//
// The protocol: every node keeps, for each peer, a stream of the values it
// owes that peer. Each value on a stream has a sequence number; a send
// carries every not-yet-acknowledged value, in as many gossip batches as
// the bounds on one message need (batch.go: 1 MiB, 16 Ki values, a larger
// value alone), and the peer acknowledges cumulatively, piggybacked on its
// own gossip or, when it has none to send, in an ack message of its own,
// and never before it has passed the values on (hold.go). Nothing waits on
// a reply, so nothing grows when replies never come: state is bounded by
// the values themselves. Which peers a value goes to is the Strategy's
// choice, made by a small type chosen in NewNode (star, flood, mesh), so
// the shared path has no branches on the strategy; the star is a tree that
// repairs itself around cuts (tree.go, with routing, news, seeking,
// orphans and ranks in tree_route.go, tree_news.go, tree_seek.go,
// tree_orphan.go and tree_rank.go), and half of a hub's retries across a
// cut go to the first node it cannot reach, the likeliest hub of the other
// side (counterpart.go). Each link's outbound and ack sides
// are explicit states with named transitions (progress.go, acks.go), and
// one function, plan (plan.go), decides what a link does next and when,
// both to act and to say NextTick. Timeouts follow the round trip each
// link measures (rtt.go). Streams are named by the incarnations of their
// two ends, so a node that restarts is sent everything again (restart.go).
package actor
