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
// Broadcast values may be any JSON value within the limits in limits.go
// (16 MiB of canonical text, 100 levels of nesting). They travel as Value,
// which holds the value's canonical JSON form so that equal values (as
// Maelstrom's Clojure checker judges equality) compare equal with ==. The
// canonical form is never HTML-escaped: <, > and & travel as themselves,
// not six times longer.
//
// A broadcast whose value breaks a limit fails to decode with code 12
// (malformed-request), and so is refused before any broadcast_ok: the value
// could never be relayed, so the request cannot be carried out, now or on a
// retry. Maelstrom counts code 12 as definite: the client knows the value
// was not accepted, which is the truth.
//
// Decode reads a line in one pass that validates all of it, then decodes
// each field it needs straight from the line; values are canonicalised
// without a generic tree. Beyond the Message it returns, it needs scratch
// of about twice the largest value it keeps, so a node's peak memory stays
// a small multiple of its longest line.
package messages
