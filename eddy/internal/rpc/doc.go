// Package rpc is Maelstrom's synchronous client (§1.2–§1.5, §3.1): one
// request outstanding at a time, msg_id numbered from 1 per client, replies
// matched by in_reply_to, error bodies turned into coded errors, and every
// other reply validated against Maelstrom's closed schemas.
//
// The contract: Call returns exactly one of a valid reply body, an *Error
// (an error-type reply, recognised before any schema check), a
// *MalformedError (a reply that fails its schema) or ErrTimeout. Replies
// whose in_reply_to is not the outstanding request's msg_id are discarded.
// The package starts no goroutines.
package rpc
