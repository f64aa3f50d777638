package rpc

import (
	"bytes"
	"encoding/json"
	"strconv"

	"eddy/internal/history"
)

// Messages converts a valid read_ok reply's messages array into a history
// value: JSON integers that fit are integers, anything else stays raw JSON
// so that 1.0 and "1" never compare equal to 1 (§2.1).
func Messages(reply map[string]json.RawMessage) history.Read {
	var elems []json.RawMessage
	if json.Unmarshal(reply["messages"], &elems) != nil {
		return nil
	}
	out := make(history.Read, len(elems))
	for i, e := range elems {
		e = bytes.TrimSpace(e)
		if n, err := strconv.ParseInt(string(e), 10, 64); err == nil {
			out[i] = history.ReadItem{Int: n}
			continue
		}
		out[i] = history.ReadItem{Raw: json.RawMessage(e)}
	}
	return out
}
