package netsim

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
)

// LineError says why a line a node printed could not enter the network. Kind
// is Maelstrom's name for the failure, so logs read the same.
type LineError struct {
	Kind   string // "line-not-valid-json", "malformed-message" or "invalid-member"
	Detail string
}

func (e *LineError) Error() string { return e.Kind + ": " + e.Detail }

// The envelope keys Maelstrom's closed schema allows (§1.1).
var envelopeKeys = map[string]bool{"src": true, "dest": true, "body": true, "id": true}

// ParseLine turns one line of node stdout into a Message without an id. It
// enforces the closed envelope schema: src and dest must be strings, body a
// JSON object (a missing or null body counts as {}), id an integer if
// present, and no other top-level key.
func ParseLine(line []byte) (Message, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(line, &top); err != nil {
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) || len(bytes.TrimSpace(line)) == 0 {
			return Message{}, &LineError{"line-not-valid-json", fmt.Sprintf("%s: %q", err, line)}
		}
		return Message{}, &LineError{"malformed-message", fmt.Sprintf("not a JSON object: %q", line)}
	}
	var problems []string
	for k := range top {
		if !envelopeKeys[k] {
			problems = append(problems, fmt.Sprintf("%q disallowed-key", k))
		}
	}
	var m Message
	var ok bool
	if m.Src, ok = stringField(top, "src"); !ok {
		problems = append(problems, `"src" missing-required-key or not a string`)
	}
	if m.Dest, ok = stringField(top, "dest"); !ok {
		problems = append(problems, `"dest" missing-required-key or not a string`)
	}
	if raw, present := top["id"]; present && !IsJSONInteger(raw) {
		problems = append(problems, fmt.Sprintf(`"id" not an integer: %s`, raw))
	}
	body, typ, err := parseBody(top["body"])
	if err != nil {
		problems = append(problems, err.Error())
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return Message{}, &LineError{"malformed-message", fmt.Sprintf("%s in %q", joinProblems(problems), line)}
	}
	m.Body, m.Type = body, typ
	return m, nil
}

func joinProblems(ps []string) string {
	var b bytes.Buffer
	for i, p := range ps {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(p)
	}
	return b.String()
}

func stringField(top map[string]json.RawMessage, key string) (string, bool) {
	raw, ok := top[key]
	if !ok || len(raw) == 0 || raw[0] != '"' {
		return "", false
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return s, true
}

// parseBody returns a compact copy of the body object and its "type" if that
// is a string. Only objects are bodies: Maelstrom keywordizes the body's keys,
// which throws for strings, numbers and arrays.
func parseBody(raw json.RawMessage) ([]byte, string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return []byte("{}"), "", nil
	}
	if raw[0] != '{' {
		return nil, "", fmt.Errorf(`"body" is not a JSON object: %s`, raw)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return nil, "", fmt.Errorf(`"body" unreadable: %v`, err)
	}
	var typ string
	if t, ok := fields["type"]; ok && len(t) > 0 && t[0] == '"' {
		_ = json.Unmarshal(t, &typ)
	}
	var compact bytes.Buffer
	compact.Grow(len(raw))
	if err := json.Compact(&compact, raw); err != nil {
		return nil, "", fmt.Errorf(`"body" unreadable: %v`, err)
	}
	return compact.Bytes(), typ, nil
}

// IsJSONInteger reports whether raw is a JSON number written as an integer:
// Prismatic's s/Int rejects 1.0 and 1e3, which JSON parsers read as doubles.
func IsJSONInteger(raw []byte) bool {
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && raw[0] == '-' {
		raw = raw[1:]
	}
	if len(raw) == 0 {
		return false
	}
	for _, c := range raw {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
