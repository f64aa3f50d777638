// Package messages is rumor's side of the Maelstrom wire protocol: the
// envelope, one Go type per body, decoding a line into a typed value,
// encoding a typed value into a line, and Maelstrom's error codes.
//
// The contract: Decode never panics and never trusts its input. Every line
// either becomes a Message whose body is one of the types below, or a
// *DecodeError that says what was wrong and, when the sender and its msg_id
// are known, how to answer it. Encode writes only the keys Maelstrom's closed
// reply schemas allow. The package does no I/O and starts no goroutines.
//
// Broadcast values may be any JSON value. They travel as Value, which holds
// the value's canonical JSON form so that equal values (as Maelstrom's
// Clojure checker judges equality) compare equal with ==.
package messages
