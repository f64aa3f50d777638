package wal

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"rumor/messages"
)

// file is what a Log needs of its file; tests stand in a file that fails.
type file interface {
	WriteAt(b []byte, off int64) (int, error)
	Truncate(size int64) error
	Sync() error
	Close() error
}

// Log is an open log file, ready for appends. It is used by one goroutine.
type Log struct {
	f      file
	path   string
	end    int64 // offset just after the last good record: where the next append goes
	sync   bool
	broken error // set when a failed append could not be undone; every later append fails with it
	buf    []byte
	spare  []byte
}

// Create starts a new, empty log at path for h, replacing any file there,
// and creating its directory if need be. With sync, the file and its
// directory are fsynced, so the log survives an operating system crash too.
func Create(path string, h Header, sync bool) (*Log, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return nil, err
	}
	start := AppendStart(nil, h)
	if _, err := f.WriteAt(start, 0); err != nil {
		f.Close()
		return nil, err
	}
	if sync {
		if err := syncFileAndDir(f, path); err != nil {
			f.Close()
			return nil, err
		}
	}
	return &Log{f: f, path: path, end: int64(len(start)), sync: sync}, nil
}

// Open recovers the log at path for h and leaves it ready for appends. A
// missing file gives a new, empty log. A log whose valid header names
// another node or test is not h's: it is replaced by an empty one. A torn
// tail is truncated away; a corrupt log is rewritten with what was
// recovered. The Recovery's Problems say what was found, for the caller to
// report. The error is set only when the log cannot be used at all.
func Open(path string, h Header, sync bool) (*Log, Recovery, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		l, err := Create(path, h, sync)
		return l, Recovery{Problems: []string{"no log to recover from; starting an empty one"}}, err
	}
	if err != nil {
		return nil, Recovery{}, err
	}
	rec := Decode(data)
	data = nil // the values hold copies; let the file's bytes go
	switch {
	case rec.HasHeader && rec.Header != h:
		rec.Problems = append(rec.Problems, fmt.Sprintf("the log belongs to node %q of test %q, not to node %q of test %q; starting an empty one",
			rec.Header.Node, rec.Header.TestKey, h.Node, h.TestKey))
		rec.Values = nil
		l, err := Create(path, h, sync)
		return l, rec, err
	case rec.Corrupt || !rec.HasHeader:
		if !rec.HasHeader && len(rec.Values) > 0 {
			rec.Problems = append(rec.Problems, "the log has no readable header; keeping its values (the file's path names this node and test)")
		}
		rec.Values = dedupe(rec.Values)
		l, err := rewrite(path, h, rec.Values, sync)
		if err == nil && (rec.Corrupt || rec.Torn) {
			rec.Problems = append(rec.Problems, fmt.Sprintf("rewrote the log with the %d values recovered", len(rec.Values)))
		}
		return l, rec, err
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return nil, rec, err
	}
	l := &Log{f: f, path: path, end: int64(rec.End), sync: sync}
	if rec.Torn {
		if err := l.truncate(); err != nil {
			f.Close()
			return nil, rec, err
		}
	}
	return l, rec, nil
}

// rewrite replaces the log at path with a compact one holding vs: written
// to a temporary file beside it, then renamed over it, so a kill during the
// rewrite leaves one whole log or the other.
func rewrite(path string, h Header, vs []messages.Value, sync bool) (*Log, error) {
	tmp := path + ".rewrite"
	l, err := Create(tmp, h, false)
	if err != nil {
		return nil, err
	}
	if err := l.Append(vs); err != nil {
		l.Close()
		os.Remove(tmp)
		return nil, err
	}
	if sync {
		if err := l.f.Sync(); err != nil {
			l.Close()
			os.Remove(tmp)
			return nil, err
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		l.Close()
		os.Remove(tmp)
		return nil, err
	}
	l.path, l.sync = path, sync
	if sync {
		if err := syncDir(path); err != nil {
			l.Close()
			return nil, err
		}
	}
	return l, nil
}

// Append writes vs to the log with one write, as one or more records, and
// with sync fsyncs it. On failure the log is cut back to where it was, so
// nothing of a failed append is ever recovered; if even that fails, every
// later append fails too.
func (l *Log) Append(vs []messages.Value) error {
	if l.broken != nil {
		return l.broken
	}
	if len(vs) == 0 {
		return nil
	}
	l.buf, l.spare = appendValueRecords(l.buf[:0], vs, l.spare)
	_, err := l.f.WriteAt(l.buf, l.end)
	if err == nil && l.sync {
		err = l.f.Sync()
	}
	if err != nil {
		if undo := l.undo(len(l.buf)); undo != nil {
			l.broken = fmt.Errorf("the log is unusable: an append failed (%v) and could not be undone (%v)", err, undo)
		}
		l.shrink()
		return err
	}
	l.end += int64(len(l.buf))
	l.shrink()
	return nil
}

// undo removes what a failed append of n bytes may have written: truncate
// back to the last good record or, if the file system refuses that,
// overwrite the bytes with zeros, which never parse as a record.
func (l *Log) undo(n int) error {
	if err := l.truncate(); err == nil {
		return nil
	}
	_, err := l.f.WriteAt(make([]byte, n), l.end)
	if err == nil && l.sync {
		err = l.f.Sync()
	}
	return err
}

// truncate cuts the file at the last good record.
func (l *Log) truncate() error {
	if err := l.f.Truncate(l.end); err != nil {
		return err
	}
	if l.sync {
		return l.f.Sync()
	}
	return nil
}

// keepBuf is the most buffer a Log keeps between appends: a large value
// gets a buffer of its own, dropped afterwards.
const keepBuf = 1 << 20

func (l *Log) shrink() {
	if cap(l.buf) > keepBuf {
		l.buf = nil
	}
	if cap(l.spare) > keepBuf {
		l.spare = nil
	}
}

// Size returns the log's length in bytes.
func (l *Log) Size() int64 { return l.end }

// Close closes the file.
func (l *Log) Close() error { return l.f.Close() }

func dedupe(vs []messages.Value) []messages.Value {
	seen := make(map[messages.Value]bool, len(vs))
	out := vs[:0]
	for _, v := range vs {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

func syncFileAndDir(f *os.File, path string) error {
	if err := f.Sync(); err != nil {
		return err
	}
	return syncDir(path)
}

// syncDir fsyncs the directory holding path, so that a file created or
// renamed there survives an operating system crash.
func syncDir(path string) error {
	d, err := os.Open(filepath.Dir(path))
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
