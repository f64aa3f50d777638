package report

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// figures is the results map decoded from results.json, read by path.
type figures map[string]any

func parseFigures(raw []byte) figures {
	var f figures
	if err := json.Unmarshal(raw, &f); err != nil {
		return figures{}
	}
	return f
}

// get follows keys through nested maps; nil if any is missing.
func (f figures) get(keys ...string) any {
	var v any = map[string]any(f)
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// str renders a figure for a table cell; "—" if it is missing.
func (f figures) str(keys ...string) string {
	switch v := f.get(keys...).(type) {
	case nil:
		return "—"
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case string:
		return v
	case bool:
		return strconv.FormatBool(v)
	default:
		return fmt.Sprint(v)
	}
}

// validity is a verdict as a CSS class: valid, invalid or unknown.
func validity(v any) string {
	switch v {
	case true:
		return "valid"
	case false:
		return "invalid"
	}
	return "unknown"
}
