package shell

import (
	"io"
	"strings"
	"testing"

	"rumor/actor"
	"rumor/messages"
)

// largeRead is the output of a read on a node that holds one 12 MiB value.
func largeRead(tb testing.TB) actor.Output {
	v, err := messages.ParseValue([]byte(`"` + strings.Repeat("x", 12<<20) + `"`))
	if err != nil {
		tb.Fatal(err)
	}
	return actor.Output{Messages: []messages.Message{{Src: "n0", Dest: "c1",
		Body: messages.ReadOK{InReplyTo: 1, Messages: []messages.Value{v}}}}}
}

// BenchmarkLargeReadOutput writes read_ok after read_ok of a 12 MiB value:
// the cost of a read on such a node. It once ran a full collection and
// returned its buffer to the system on every read (debug.FreeOSMemory);
// now the buffer is kept while large outputs keep coming.
func BenchmarkLargeReadOutput(b *testing.B) {
	out := largeRead(b)
	w := newWriter(io.Discard, io.Discard, false)
	defer w.close()
	b.SetBytes(int64(len(messages.Encode(out.Messages[0]))))
	for b.Loop() {
		w.handle(actor.Received{}, out)
	}
}

// TestLargeBufferIsKeptThenDropped: a large encoding buffer survives while
// large outputs keep coming, and is dropped by the first output after a
// quiet spell.
func TestLargeBufferIsKeptThenDropped(t *testing.T) {
	w := newWriter(io.Discard, io.Discard, false)
	defer w.close()
	w.handle(actor.Received{}, largeRead(t))
	big := cap(w.buf)
	small := actor.Output{Messages: []messages.Message{{Src: "n0", Dest: "c1", Body: messages.ReadOK{InReplyTo: 2}}}}
	w.handle(actor.Received{}, small)
	if cap(w.buf) != big {
		t.Fatalf("the large buffer was dropped at once")
	}
	w.lastBig = w.lastBig.Add(-2 * bigQuiet) // as if large outputs had stopped long ago
	w.handle(actor.Received{}, small)
	if cap(w.buf) > keepBuf || w.memory.timer == nil {
		t.Errorf("after a quiet spell: buffer %d bytes, collection armed %v", cap(w.buf), w.memory.timer != nil)
	}
}
