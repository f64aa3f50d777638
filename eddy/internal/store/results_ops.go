package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	"eddy/internal/history"
)

// opFile is a history op as results.json prints one (an exception's
// example, a worst-stale element's known and last-absent ops): the EDN
// record's fields as JSON.
type opFile struct {
	Index     int             `json:"index"`
	Time      int64           `json:"time"`
	Type      string          `json:"type"`
	Process   json.RawMessage `json:"process"`
	F         string          `json:"f"`
	Value     json.RawMessage `json:"value"`
	Final     bool            `json:"final?"`
	Exception string          `json:"exception"`
	Error     string          `json:"error"`
}

// types maps the JSON spelling of an op's :type to the history's.
var types = map[string]history.Type{"invoke": history.Invoke, "ok": history.OK, "fail": history.Fail, "info": history.Info}

// op rebuilds the history op. Set-full prints a broadcast as :add; it
// comes back as a broadcast. A value is an element for a broadcast, a
// read's array for a read, and EDN text for anything else (a nemesis op).
func (o opFile) op() (history.Op, error) {
	op := history.Op{Index: o.Index, Time: o.Time, F: o.F, Final: o.Final, Exception: o.Exception, Error: o.Error}
	t, ok := types[o.Type]
	if !ok {
		return op, fmt.Errorf("op %d has type %q", o.Index, o.Type)
	}
	op.Type = t
	if string(o.Process) == `"nemesis"` {
		op.Process = history.NemesisProcess
	} else if err := json.Unmarshal(o.Process, &op.Process); err != nil {
		return op, fmt.Errorf("op %d: process %s", o.Index, o.Process)
	}
	if op.F == "add" {
		op.F = history.FBroadcast
	}
	v, err := valueOf(op.F, o.Value)
	if err != nil {
		return op, fmt.Errorf("op %d: %w", o.Index, err)
	}
	op.Value = v
	return op, nil
}

// valueOf decodes an op's JSON value for its :f.
func valueOf(f string, raw json.RawMessage) (history.Value, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	switch f {
	case history.FBroadcast:
		var e int64
		if err := json.Unmarshal(raw, &e); err != nil {
			return nil, fmt.Errorf("broadcast value %s", raw)
		}
		return history.Element(e), nil
	case history.FRead:
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return nil, fmt.Errorf("read value %s", raw)
		}
		read := make(history.Read, len(items))
		for i, item := range items {
			read[i] = readItem(item)
		}
		return read, nil
	}
	var text string
	if err := json.Unmarshal(raw, &text); err != nil {
		return nil, fmt.Errorf("value %s is not EDN text", raw)
	}
	return history.EDN(text), nil
}

// readItem is one entry of a read's array: an integer, or anything else
// kept as its (compact) JSON.
func readItem(raw json.RawMessage) history.ReadItem {
	if !bytes.ContainsAny(raw, `.eE"[{ntf`) {
		if i, err := strconv.ParseInt(string(raw), 10, 64); err == nil {
			return history.ReadItem{Int: i}
		}
	}
	return history.ReadItem{Raw: append(json.RawMessage(nil), raw...)}
}
