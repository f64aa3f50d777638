package rpc

import (
	"errors"
	"fmt"

	"eddy/internal/edn"
)

// ErrTimeout means no matching reply arrived in time (:net-timeout).
var ErrTimeout = errors.New("client read timeout")

// Error is an error-type reply.
type Error struct {
	Code     int64 // -1 if the code was not an integer
	Name     string
	Definite bool
	Text     *string // nil when the reply had no string "text"
}

func (e *Error) Error() string {
	return fmt.Sprintf("RPC error %d (%s)", e.Code, e.Name)
}

// EDN renders the error the way Maelstrom records it in an op: a vector of
// the error's name keyword and its text, e.g. [:not-supported "no"].
func (e *Error) EDN() string {
	var text edn.Value = edn.Nil{}
	if e.Text != nil {
		text = edn.String(*e.Text)
	}
	return edn.Compact(edn.Vector{edn.Keyword(e.Name), text})
}

// MalformedError is a reply that broke its closed schema
// (:malformed-rpc-response). Its message follows Maelstrom's layout.
type MalformedError struct {
	Message string
}

func (e *MalformedError) Error() string { return e.Message }
