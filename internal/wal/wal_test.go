package wal

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"rumor/messages"
)

var testHeader = Header{Node: "n3", TestKey: "4242-17"}

func ints(from, to int) []messages.Value {
	var vs []messages.Value
	for i := from; i < to; i++ {
		vs = append(vs, messages.IntValue(int64(i)))
	}
	return vs
}

func parse(t testing.TB, raw string) messages.Value {
	t.Helper()
	v, err := messages.ParseValue([]byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// batches are the appends the tests write: integers, odd JSON values, a
// value larger than one record's share, and repeats of nothing.
func batches(t testing.TB) [][]messages.Value {
	return [][]messages.Value{
		ints(0, 3),
		{parse(t, `{"k":1,"a":[true,null]}`), parse(t, `"x\u00e9\n"`), parse(t, `1.5`)},
		{parse(t, `"`+strings.Repeat("<", maxRecordValues+10)+`"`), messages.IntValue(-7)},
		ints(3, 200),
	}
}

// logBytes builds, in memory, the log a Log writes for these appends, and
// the offset at which each record ends.
func logBytes(t testing.TB, appends [][]messages.Value) ([]byte, []int, [][]messages.Value) {
	data := AppendStart(nil, testHeader)
	var ends []int
	var perRecord [][]messages.Value
	for _, vs := range appends {
		for start := 0; start < len(vs); {
			// One record at a time, so the test knows where each ends.
			before := len(data)
			data = AppendValues(data, vs[start:])
			payload, next, status := readRecord(data, before)
			if status != recordOK {
				t.Fatalf("a record just written does not read back")
			}
			got, err := parseValues(payload, nil)
			if err != nil {
				t.Fatal(err)
			}
			data = data[:next]
			ends = append(ends, next)
			perRecord = append(perRecord, got)
			start += len(got)
		}
	}
	return data, ends, perRecord
}

func TestRoundTripThroughAFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "n3.log")
	l, err := Create(path, testHeader, true)
	if err != nil {
		t.Fatal(err)
	}
	var want []messages.Value
	for _, vs := range batches(t) {
		if err := l.Append(vs); err != nil {
			t.Fatal(err)
		}
		want = append(want, vs...)
	}
	size := l.Size()
	l.Close()
	l, rec, err := Open(path, testHeader, false)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if !slices.Equal(rec.Values, want) || len(rec.Problems) != 0 || rec.Torn || rec.Corrupt {
		t.Fatalf("recovered %d values (want %d), problems %q", len(rec.Values), len(want), rec.Problems)
	}
	if info, _ := os.Stat(path); info.Size() != size || l.Size() != size {
		t.Errorf("file is %d bytes, log says %d, want %d", info.Size(), l.Size(), size)
	}
}

// TestTornAtEveryOffset cuts a log at every byte offset, as a kill during a
// write would, and checks that every record that ended before the cut is
// recovered and nothing else, that the damage counts as a torn tail, and
// that the log opened from the cut file takes appends and reads back
// whole.
func TestTornAtEveryOffset(t *testing.T) {
	data, ends, perRecord := logBytes(t, [][]messages.Value{ints(0, 3), {parse(t, `{"a":"b"}`)}, ints(3, 5), ints(5, 6)})
	dir := t.TempDir()
	for cut := 0; cut <= len(data); cut++ {
		var want []messages.Value
		// A file cut after its magic, or after its header, is a shorter
		// log, not a torn one.
		boundary := cut == 0 || cut == len(magic) || cut == len(AppendStart(nil, testHeader))
		for i, end := range ends {
			if end <= cut {
				want = append(want, perRecord[i]...)
			}
			boundary = boundary || end == cut
		}
		rec := Decode(data[:cut])
		if !slices.Equal(rec.Values, want) {
			t.Fatalf("cut at %d: recovered %v, want %v", cut, rec.Values, want)
		}
		if rec.Corrupt || rec.Torn == boundary {
			t.Fatalf("cut at %d: torn %v, corrupt %v (problems %q)", cut, rec.Torn, rec.Corrupt, rec.Problems)
		}

		path := filepath.Join(dir, fmt.Sprintf("cut%d.log", cut))
		if err := os.WriteFile(path, data[:cut], 0o600); err != nil {
			t.Fatal(err)
		}
		l, _, err := Open(path, testHeader, false)
		if err != nil {
			t.Fatalf("cut at %d: %v", cut, err)
		}
		if err := l.Append(ints(100, 102)); err != nil {
			t.Fatal(err)
		}
		l.Close()
		l, again, err := Open(path, testHeader, false)
		if err != nil {
			t.Fatal(err)
		}
		l.Close()
		if want := append(want, ints(100, 102)...); !slices.Equal(again.Values, want) || again.Torn || again.Corrupt {
			t.Fatalf("cut at %d, then appended: recovered %v (problems %q), want %v", cut, again.Values, again.Problems, want)
		}
	}
}

// TestCorruptionBeforeTheTail damages one byte of each record in turn: the
// log is reported corrupt, every other record is kept, and Open rewrites it
// so that the next open finds it clean.
func TestCorruptionBeforeTheTail(t *testing.T) {
	data, ends, perRecord := logBytes(t, [][]messages.Value{ints(0, 2), ints(2, 4), ints(4, 6), ints(6, 8)})
	for i := range len(ends) - 1 { // the last record's damage is a torn tail
		start := len(AppendStart(nil, testHeader))
		if i > 0 {
			start = ends[i-1]
		}
		for _, at := range []int{start, start + 3, start + 7, ends[i] - 1} { // marker, length, checksum, payload
			damaged := slices.Clone(data)
			damaged[at] ^= 0x40
			rec := Decode(damaged)
			var want []messages.Value
			for j := range ends {
				if j != i {
					want = append(want, perRecord[j]...)
				}
			}
			if !slices.Equal(rec.Values, want) || !rec.Corrupt || len(rec.Problems) == 0 {
				t.Fatalf("record %d damaged at %d: recovered %v, corrupt %v, problems %q; want %v", i, at, rec.Values, rec.Corrupt, rec.Problems, want)
			}
			path := filepath.Join(t.TempDir(), "n3.log")
			os.WriteFile(path, damaged, 0o600)
			l, opened, err := Open(path, testHeader, false)
			if err != nil || !slices.Equal(opened.Values, want) {
				t.Fatalf("open: %v, %v", opened.Values, err)
			}
			l.Close()
			l, clean, err := Open(path, testHeader, false)
			if err != nil || !slices.Equal(clean.Values, want) || len(clean.Problems) != 0 {
				t.Fatalf("after the rewrite: %v, problems %q, %v", clean.Values, clean.Problems, err)
			}
			l.Close()
		}
	}
}

// TestDamagedHeaderKeepsValues: a log whose magic or header is damaged
// still gives up its values (the file's path names its node and test).
func TestDamagedHeaderKeepsValues(t *testing.T) {
	data, _, _ := logBytes(t, [][]messages.Value{ints(0, 4)})
	for _, at := range []int{0, len(magic) + 1, len(magic) + headerSize + 2} {
		damaged := slices.Clone(data)
		damaged[at] ^= 0xff
		path := filepath.Join(t.TempDir(), "n3.log")
		os.WriteFile(path, damaged, 0o600)
		l, rec, err := Open(path, testHeader, false)
		if err != nil || !slices.Equal(rec.Values, ints(0, 4)) || len(rec.Problems) == 0 {
			t.Fatalf("damage at %d: %v, problems %q, %v", at, rec.Values, rec.Problems, err)
		}
		l.Close()
	}
}

// TestForeignLogIsNotLoaded: a log whose header names another node or test
// is replaced by an empty one, with a problem saying so.
func TestForeignLogIsNotLoaded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "n3.log")
	l, _ := Create(path, Header{Node: "n3", TestKey: "old"}, false)
	l.Append(ints(0, 5))
	l.Close()
	l, rec, err := Open(path, testHeader, false)
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	if len(rec.Values) != 0 || len(rec.Problems) != 1 || !strings.Contains(rec.Problems[0], "old") {
		t.Fatalf("recovered %v from another test's log; problems %q", rec.Values, rec.Problems)
	}
	if _, again, _ := Open(path, testHeader, false); len(again.Values) != 0 || len(again.Problems) != 0 {
		t.Fatalf("after replacing: %v %q", again.Values, again.Problems)
	}
}

func TestMissingLogStartsEmpty(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b", "n3.log")
	l, rec, err := Open(path, testHeader, false)
	if err != nil || len(rec.Values) != 0 || len(rec.Problems) != 1 {
		t.Fatalf("%v %q %v", rec.Values, rec.Problems, err)
	}
	l.Close()
}

func TestUnusablePath(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "file")
	os.WriteFile(blocker, nil, 0o600)
	if _, err := Create(filepath.Join(blocker, "n3.log"), testHeader, false); err == nil {
		t.Error("Create under a regular file succeeded")
	}
	if _, _, err := Open(filepath.Join(blocker, "n3.log"), testHeader, false); err == nil {
		t.Error("Open under a regular file succeeded")
	}
}

// failingFile is a file whose writes fail once more than room bytes would
// have been written, after writing what fits: a full disk. Truncation
// works unless stuck is set.
type failingFile struct {
	data  []byte
	room  int
	stuck bool
}

var errFull = errors.New("no space left on device")

func (f *failingFile) WriteAt(b []byte, off int64) (int, error) {
	n := len(b)
	err := error(nil)
	if int(off)+n > f.room {
		n, err = max(0, f.room-int(off)), errFull
	}
	if need := int(off) + n; need > len(f.data) {
		f.data = append(f.data, make([]byte, need-len(f.data))...)
	}
	copy(f.data[off:], b[:n])
	return n, err
}

func (f *failingFile) Truncate(size int64) error {
	if f.stuck {
		return errors.New("read-only file system")
	}
	f.data = f.data[:size]
	return nil
}

func (f *failingFile) Sync() error  { return nil }
func (f *failingFile) Close() error { return nil }

// TestFailedAppendLeavesTheLogAsItWas fills the disk part way through an
// append: the append fails, the log is cut back, nothing of the failed
// append is recovered, and appends that fit afterwards work.
func TestFailedAppendLeavesTheLogAsItWas(t *testing.T) {
	start := AppendStart(nil, testHeader)
	f := &failingFile{data: slices.Clone(start), room: len(start) + 40}
	l := &Log{f: f, end: int64(len(start))}
	if err := l.Append(ints(0, 2)); err != nil {
		t.Fatal(err)
	}
	if err := l.Append(ints(1000, 1010)); !errors.Is(err, errFull) {
		t.Fatalf("append past the room: %v", err)
	}
	if err := l.Append(ints(2, 3)); err != nil {
		t.Fatalf("a small append after the failure: %v", err)
	}
	if rec := Decode(f.data); !slices.Equal(rec.Values, ints(0, 3)) || rec.Torn || rec.Corrupt {
		t.Fatalf("recovered %v (problems %q), want 0 1 2", rec.Values, rec.Problems)
	}

	// When the file cannot even be cut back, the failed append's bytes are
	// zeroed, and nothing of them is recovered either.
	f.stuck = true
	if err := l.Append(ints(1000, 1010)); !errors.Is(err, errFull) {
		t.Fatalf("append past the room: %v", err)
	}
	if rec := Decode(f.data); !slices.Equal(rec.Values, ints(0, 3)) {
		t.Fatalf("recovered %v, want 0 1 2", rec.Values)
	}
}
