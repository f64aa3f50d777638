package store

import (
	"encoding/json"
	"fmt"
	"os"
)

// writeJSON writes v to the run directory's file name as indented JSON
// ending with a newline, the layout of every small JSON file eddy writes.
func (d *Dir) writeJSON(name string, v any) error {
	raw, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(d.File(name), append(raw, '\n'), 0o644)
}

// readJSON reads the run directory's file name into v.
func (d *Dir) readJSON(name string, v any) error {
	raw, err := os.ReadFile(d.File(name))
	if err != nil {
		return err
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("%s: %w", d.File(name), err)
	}
	return nil
}
