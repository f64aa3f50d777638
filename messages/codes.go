package messages

// Code is a Maelstrom error code (resources/errors.edn). Codes below 1000 are
// reserved by Maelstrom; rumor uses only the ones listed here.
type Code int

// The error codes rumor sends. Maelstrom treats all of them as definite, so a
// client knows the request did not take effect.
const (
	CodeNotSupported           Code = 10 // unknown request type
	CodeTemporarilyUnavailable Code = 11 // not initialised yet
	CodeMalformedRequest       Code = 12 // missing or ill-typed fields
	CodeAbort                  Code = 14 // a request that contradicts earlier ones
)
