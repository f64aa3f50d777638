package lines

import "io"

// Ahead reads its source on a goroutine of its own, a bounded amount ahead
// of its consumer, so that the end of input is noticed even while the
// consumer is stuck (a node whose stdout nobody reads cannot take the lines
// still queued before the end of its stdin, but it must still stop).
//
// The goroutine is Ahead's: it exits when the source returns an error (end
// of input included) or, once Close is called, when its current Read
// returns; Close waits for it.
type Ahead struct {
	chunks chan []byte   // read-ahead data, closed after the source's error
	free   chan []byte   // emptied chunks, handed back for reuse
	ended  chan struct{} // closed when the source has returned an error
	err    error         // that error; written before ended and chunks close
	stop   chan struct{} // closed by Close
	exited chan struct{} // closed when the goroutine returns
	cur    []byte        // the consumer's unread part of the current chunk
	whole  []byte        // the current chunk's buffer, to hand back
}

// aheadChunk and aheadChunks bound the read-ahead: at most 16 chunks of
// 64 KiB wait for the consumer, a mebibyte in all.
const (
	aheadChunk  = 64 << 10
	aheadChunks = 16
)

// NewAhead starts reading r.
func NewAhead(r io.Reader) *Ahead {
	a := &Ahead{
		chunks: make(chan []byte, aheadChunks),
		free:   make(chan []byte, aheadChunks+1),
		ended:  make(chan struct{}),
		stop:   make(chan struct{}),
		exited: make(chan struct{}),
	}
	go a.pump(r)
	return a
}

func (a *Ahead) pump(r io.Reader) {
	defer close(a.exited)
	for {
		var buf []byte
		select {
		case buf = <-a.free: // a node reads a line at a time: reuse, don't allocate
		default:
			buf = make([]byte, aheadChunk)
		}
		n, err := r.Read(buf)
		if n > 0 {
			select {
			case a.chunks <- buf[:n]:
			case <-a.stop:
				return
			}
		}
		if err != nil {
			a.err = err
			close(a.ended)
			close(a.chunks)
			return
		}
	}
}

// Ended is closed once the source has ended (or failed); what it had sent
// until then may still be waiting to be read.
func (a *Ahead) Ended() <-chan struct{} { return a.ended }

// Read implements io.Reader for the consumer.
func (a *Ahead) Read(p []byte) (int, error) {
	if len(a.cur) == 0 {
		chunk, ok := <-a.chunks
		if !ok {
			return 0, a.err
		}
		a.cur, a.whole = chunk, chunk[:cap(chunk)]
	}
	n := copy(p, a.cur)
	a.cur = a.cur[n:]
	if len(a.cur) == 0 {
		select {
		case a.free <- a.whole:
		default:
		}
		a.whole = nil
	}
	return n, nil
}

// Close stops reading ahead and waits for the goroutine. If it is blocked
// reading the source, the caller must first make that Read return (by
// closing the source).
func (a *Ahead) Close() {
	select {
	case <-a.stop:
	default:
		close(a.stop)
	}
	<-a.exited
}
