package store

import (
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Dir is one run's directory. Its Write methods write the run's files;
// its Read methods read them back into the same types.
type Dir struct {
	path              string
	root, test, stamp string // empty for a directory opened with At
}

// At is the run directory at path, for reading what a run wrote.
func At(path string) *Dir { return &Dir{path: path} }

// Stamp renders a start time as Jepsen names run directories: basic ISO
// 8601 with milliseconds and zone, e.g. 20260316T065145.052Z or
// 20251110T205811.203+0100.
func Stamp(t time.Time) string {
	return t.Format("20060102T150405.000Z0700")
}

// Create makes root/test/<stamp of start>/ and points root/current at it.
func Create(root, test string, start time.Time) (*Dir, error) {
	d := &Dir{root: root, test: test, stamp: Stamp(start)}
	d.path = filepath.Join(root, test, d.stamp)
	if _, err := os.Stat(d.Path()); err == nil {
		return nil, fmt.Errorf("store: %s already exists", d.Path())
	}
	if err := os.MkdirAll(d.Path(), 0o755); err != nil {
		return nil, err
	}
	if err := relink(filepath.Join(root, "current"), filepath.Join(test, d.stamp)); err != nil {
		return nil, err
	}
	return d, nil
}

// Path is the run directory.
func (d *Dir) Path() string { return d.path }

// File is the path of a file inside the run directory.
func (d *Dir) File(name string) string { return filepath.Join(d.Path(), name) }

// MarkLatest points root/latest and root/test/latest at this run, which
// Create made.
func (d *Dir) MarkLatest() error {
	if d.root == "" {
		return fmt.Errorf("store: %s was not created here", d.path)
	}
	if err := relink(filepath.Join(d.root, "latest"), filepath.Join(d.test, d.stamp)); err != nil {
		return err
	}
	return relink(filepath.Join(d.root, d.test, "latest"), d.stamp)
}

// relink atomically replaces link with a symlink to target: a new link is
// made beside it and renamed over the old one.
func relink(link, target string) error {
	tmp := link + ".tmp"
	_ = os.Remove(tmp)
	if err := os.Symlink(target, tmp); err != nil {
		return err
	}
	return os.Rename(tmp, link)
}
