package shell

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"rumor/internal/wal"
	"rumor/messages"
)

// Where a node's log lives, and why there:
//
// Maelstrom starts every node in the JVM's temporary directory, the same
// for every node of every test, and tells a node nothing about which test
// it is in (eddy/docs/SEMANTICS.md §1.8, §12.6). A test's nodes, and the
// nodes it restarts, are all children of one process, the harness's; a
// later test, or one running beside it, has another. So the log goes under
//
//	<root>/<test key>/<node id>.log
//
// where the test key names the parent process: its pid and, on Linux, its
// start time (so a pid used again later is a different key). The root is
// the -data-dir flag, or by default rumor-<uid> in the system's temporary
// directory, one per user so that one user's directory never locks out
// another's. Within one key, the node's init says whether to start afresh
// or read the log back (actor's recovery.go).
//
// Limits: the node must be the harness's own child, so a wrapper script
// given as --bin must exec it (otherwise every start has a new parent, and
// a restart finds nothing to read back); --test-count, which repeats a
// test inside one harness process, is told apart by init instead. A fresh
// start removes the directories of test keys whose process is gone (on
// Linux; elsewhere they stay until the temporary directory is cleaned).

// LogOptions say where a node keeps its log and how.
type LogOptions struct {
	// Root is the directory that holds one directory per test key; empty
	// means DefaultRoot.
	Root string
	// Sync fsyncs every append (and the file and directory on creation):
	// the log then survives an operating system crash or a power loss too,
	// not only the kill of the process.
	Sync bool
	// TestKey overrides the key read from the parent process (tests).
	TestKey string
}

// DefaultRoot is where logs go without -data-dir.
func DefaultRoot() string {
	name := "rumor"
	if uid := os.Getuid(); uid >= 0 {
		name += "-" + strconv.Itoa(uid)
	}
	return filepath.Join(os.TempDir(), name)
}

// logStore is a node's log as an actor.Storage. The loop's goroutine owns
// it; Run closes it after the loop has stopped.
type logStore struct {
	opts LogOptions
	log  *wal.Log
	err  error // why there is no log; every append fails with it
}

func newLogStore(o LogOptions) *logStore {
	if o.Root == "" {
		o.Root = DefaultRoot()
	}
	if o.TestKey == "" {
		o.TestKey = testKey()
	}
	return &logStore{opts: o}
}

// Open implements actor.Storage.
func (s *logStore) Open(node string, fresh bool) ([]messages.Value, []string, error) {
	path := filepath.Join(s.opts.Root, s.opts.TestKey, logFileName(node))
	header := wal.Header{Node: node, TestKey: s.opts.TestKey}
	if fresh {
		problems := removeEndedTests(s.opts.Root, s.opts.TestKey)
		s.log, s.err = wal.Create(path, header, s.opts.Sync)
		return nil, problems, s.openErr(path)
	}
	var rec wal.Recovery
	s.log, rec, s.err = wal.Open(path, header, s.opts.Sync)
	return rec.Values, rec.Problems, s.openErr(path)
}

func (s *logStore) openErr(path string) error {
	if s.err != nil {
		s.err = fmt.Errorf("log %s: %w", path, s.err)
	}
	return s.err
}

// Append implements actor.Storage.
func (s *logStore) Append(vs []messages.Value) error {
	if s.log == nil {
		if s.err == nil {
			return errors.New("the log is not open")
		}
		return s.err
	}
	return s.log.Append(vs)
}

// Close closes the log, if open.
func (s *logStore) Close() {
	if s.log != nil {
		s.log.Close()
	}
}

// logFileName is the file name of node's log: the id itself when it is a
// plain name, as Maelstrom's are (n0, n1, …); otherwise a hash of it, so
// that no id can reach outside the directory or exceed a name's length.
func logFileName(node string) string {
	plain := len(node) > 0 && len(node) <= 64 && node[0] != '.'
	for _, c := range node {
		plain = plain && (c == '-' || c == '_' || c == '.' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z')
	}
	if plain {
		return node + ".log"
	}
	sum := sha256.Sum256([]byte(node))
	return "id-" + hex.EncodeToString(sum[:16]) + ".log"
}

// removeEndedTests removes the directories under root of test keys other
// than current whose process has ended, and reports what it could not
// remove.
func removeEndedTests(root, current string) []string {
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil // no root yet: nothing to clean
	}
	var problems []string
	for _, e := range entries {
		if !e.IsDir() || e.Name() == current || !ended(e.Name()) {
			continue
		}
		if err := os.RemoveAll(filepath.Join(root, e.Name())); err != nil {
			problems = append(problems, fmt.Sprintf("cannot remove the logs of an ended test: %v", err))
		}
	}
	return problems
}
