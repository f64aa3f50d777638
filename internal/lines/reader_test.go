package lines

import (
	"errors"
	"io"
	"strings"
	"testing"
)

func TestNext(t *testing.T) {
	long := strings.Repeat("x", 300<<10) // longer than the bufio buffer
	in := "a\r\nb\n\n" + long + "\n" + strings.Repeat("y", 2000) + "\nlast"
	r := NewReader(strings.NewReader(in), 1000<<10)
	var got []string
	for {
		line, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, string(line))
	}
	want := []string{"a", "b", "", long, strings.Repeat("y", 2000), "last"}
	if len(got) != len(want) {
		t.Fatalf("got %d lines, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d = %.20q… (%d bytes), want %d bytes", i, got[i], len(got[i]), len(want[i]))
		}
	}
}

func TestTooLongLineIsSkippedWhole(t *testing.T) {
	in := "ok\n" + strings.Repeat("z", 200<<10) + "\nafter\n" + strings.Repeat("w", 100)
	r := NewReader(strings.NewReader(in), 64)
	expect := func(want string, wantErr bool) {
		t.Helper()
		line, err := r.Next()
		var tooLong ErrTooLong
		if wantErr != errors.As(err, &tooLong) || (!wantErr && (err != nil || string(line) != want)) {
			t.Fatalf("Next() = %q, %v; want %q (too long: %v)", line, err, want, wantErr)
		}
	}
	expect("ok", false)
	expect("", true)
	expect("after", false)
	expect("", true) // an over-long last line without a newline
	if _, err := r.Next(); err != io.EOF {
		t.Fatalf("want EOF, got %v", err)
	}
}

// TestBufferShrinksAfterALargeLine: the buffer a large line needed is let go
// at the next call, so it does not stay resident.
func TestBufferShrinksAfterALargeLine(t *testing.T) {
	r := NewReader(strings.NewReader(strings.Repeat("x", 8<<20)+"\nsmall\n"), 16<<20)
	if line, err := r.Next(); err != nil || len(line) != 8<<20 {
		t.Fatalf("Next() = %d bytes, %v", len(line), err)
	}
	if line, err := r.Next(); err != nil || string(line) != "small" {
		t.Fatalf("Next() = %q, %v", line, err)
	}
	if c := cap(r.line); c > keepBytes {
		t.Errorf("buffer still holds %d bytes after a short line", c)
	}
}

// TestAheadSeesTheEndBeforeTheConsumer: the end of input is signalled while
// the consumer has not read anything yet, and the data still arrives whole.
func TestAheadSeesTheEndBeforeTheConsumer(t *testing.T) {
	in := strings.Repeat("line\n", 1000)
	a := NewAhead(strings.NewReader(in))
	defer a.Close()
	<-a.Ended()
	got, err := io.ReadAll(a)
	if err != nil || string(got) != in {
		t.Errorf("read %d bytes, %v; want %d", len(got), err, len(in))
	}
}

// TestAheadCloseStopsAStuckPump: a pump blocked on a full queue exits on
// Close, and one blocked reading exits once its source is closed.
func TestAheadCloseStopsAStuckPump(t *testing.T) {
	a := NewAhead(strings.NewReader(strings.Repeat("x", 4*aheadChunk*aheadChunks)))
	a.Close()

	r, w := io.Pipe()
	b := NewAhead(r)
	w.Write([]byte("x"))
	r.Close()
	b.Close() // returns, and goleak finds no pump left
}

func TestReleaseDropsALargeBuffer(t *testing.T) {
	r := NewReader(strings.NewReader(strings.Repeat("x", 4<<20)+"\n"), 8<<20)
	if _, err := r.Next(); err != nil {
		t.Fatal(err)
	}
	r.Release()
	if r.line != nil {
		t.Errorf("buffer of %d bytes kept after Release", cap(r.line))
	}
}
