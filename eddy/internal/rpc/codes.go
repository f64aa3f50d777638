package rpc

// errorCode is one row of Maelstrom's error registry (§1.4).
type errorCode struct {
	name     string
	definite bool
}

// errorCodes is the registry; any other code is :unknown and indefinite.
var errorCodes = map[int64]errorCode{
	0:  {"timeout", false},
	1:  {"node-not-found", true},
	10: {"not-supported", true},
	11: {"temporarily-unavailable", true},
	12: {"malformed-request", true},
	13: {"crash", false},
	14: {"abort", true},
	20: {"key-does-not-exist", true},
	21: {"key-already-exists", true},
	22: {"precondition-failed", true},
	30: {"txn-conflict", true},
}
