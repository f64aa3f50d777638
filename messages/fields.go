package messages

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// object is a JSON object whose keys are matched exactly (encoding/json's
// struct decoding would also accept "Message" for "message").
type object map[string]json.RawMessage

// parseObject decodes raw as a JSON object and nothing else.
func parseObject(raw []byte, what string) (object, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return nil, fmt.Errorf("%s is not a JSON object", what)
	}
	var obj object
	if err := json.Unmarshal(raw, &obj); err != nil {
		return nil, fmt.Errorf("%s is not valid JSON: %v", what, err)
	}
	return obj, nil
}

// present reports whether key is there with a non-null value; Maelstrom
// treats a null field as a missing one.
func (o object) present(key string) bool {
	raw, ok := o[key]
	return ok && !bytes.Equal(bytes.TrimSpace(raw), []byte("null"))
}

// get decodes a required field into dst.
func (o object) get(key string, dst any) error {
	if !o.present(key) {
		return fmt.Errorf("missing field %q", key)
	}
	if err := json.Unmarshal(o[key], dst); err != nil {
		return fmt.Errorf("field %q has the wrong type: %v", key, err)
	}
	return nil
}

// getOptional decodes key into dst if it is present and reports whether it was.
func (o object) getOptional(key string, dst any) (bool, error) {
	if !o.present(key) {
		return false, nil
	}
	return true, o.get(key, dst)
}
