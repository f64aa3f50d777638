package rpc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"sort"
	"strings"

	"eddy/internal/edn"
	"eddy/internal/netsim"
)

// fields is a reply body split one level deep, as Maelstrom keywordizes it.
type fields map[string]json.RawMessage

// answers reports whether a reply body's in_reply_to names msgID. The
// comparison is numeric, so an in_reply_to written as 3.0 still answers
// request 3 and is then rejected by the schema (semantics §10.12).
func (f fields) answers(msgID int64) bool {
	raw, ok := f["in_reply_to"]
	if !ok {
		return false
	}
	var n json.Number
	if json.Unmarshal(raw, &n) != nil {
		return false
	}
	want := new(big.Rat).SetInt64(msgID)
	got, ok := new(big.Rat).SetString(n.String())
	return ok && got.Cmp(want) == 0
}

func (f fields) str(key string) (string, bool) {
	raw, ok := f[key]
	if !ok || len(raw) == 0 || raw[0] != '"' {
		return "", false
	}
	var s string
	return s, json.Unmarshal(raw, &s) == nil
}

// asError recognises an error-type reply.
func (f fields) asError() (*Error, bool) {
	if t, _ := f.str("type"); t != "error" {
		return nil, false
	}
	e := &Error{Code: -1, Name: "unknown"}
	if raw := f["code"]; netsim.IsJSONInteger(raw) {
		var code json.Number
		if json.Unmarshal(raw, &code) == nil {
			if c, err := code.Int64(); err == nil {
				e.Code = c
				if known, ok := errorCodes[c]; ok {
					e.Name, e.Definite = known.name, known.definite
				}
			}
		}
	}
	if text, ok := f.str("text"); ok {
		e.Text = &text
	}
	return e, true
}

// problems lists how a reply breaks the request's closed schema, in
// Prismatic's vocabulary; empty means valid.
func (r Request) problems(f fields) []string {
	var out []string
	if t, ok := f.str("type"); !ok || t != r.Reply {
		out = append(out, fmt.Sprintf(":type (not (= %s %s))", edn.Quote(r.Reply), edn.Compact(edn.JSON(orNil(f["type"])))))
	}
	if raw, ok := f["in_reply_to"]; !ok {
		out = append(out, ":in_reply_to missing-required-key")
	} else if !netsim.IsJSONInteger(raw) {
		out = append(out, fmt.Sprintf(":in_reply_to (not (integer? %s))", edn.Compact(edn.JSON(raw))))
	}
	if raw, ok := f["msg_id"]; ok && !netsim.IsJSONInteger(raw) {
		out = append(out, fmt.Sprintf(":msg_id (not (integer? %s))", edn.Compact(edn.JSON(raw))))
	}
	for key, want := range r.required {
		raw, ok := f[key]
		switch {
		case !ok:
			out = append(out, ":"+key+" missing-required-key")
		case want == anyArray && !isArray(raw):
			out = append(out, fmt.Sprintf(":%s (not (sequential? %s))", key, edn.Compact(edn.JSON(raw))))
		}
	}
	for key := range f {
		if key == "type" || key == "in_reply_to" || key == "msg_id" {
			continue
		}
		if _, declared := r.required[key]; !declared {
			out = append(out, ":"+key+" disallowed-key")
		}
	}
	sort.Strings(out)
	return out
}

func orNil(raw json.RawMessage) json.RawMessage {
	if raw == nil {
		return json.RawMessage("null")
	}
	return raw
}

func isArray(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) > 0 && raw[0] == '['
}

// malformed builds Maelstrom's malformed-response message.
func (r Request) malformed(dest string, request, reply []byte, problems []string) *MalformedError {
	var b strings.Builder
	fmt.Fprintf(&b, "Malformed RPC response. Maelstrom sent node %s the following request:\n\n%s\n\n", dest, edn.Compact(edn.FromJSON(request, 1)))
	fmt.Fprintf(&b, "And expected a response of the form:\n\n%s\n\n", r.schemaEDN)
	fmt.Fprintf(&b, "... but instead received\n\n%s\n\n", edn.Compact(edn.FromJSON(reply, 1)))
	fmt.Fprintf(&b, "This is malformed because:\n\n{%s}", strings.Join(problems, ", "))
	return &MalformedError{Message: b.String()}
}
