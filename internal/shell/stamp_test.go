package shell

import (
	"bytes"
	"fmt"
	"testing"
	"time"
)

func TestStampedLines(t *testing.T) {
	var buf bytes.Buffer
	at := time.Date(2026, 12, 3, 18, 0, 0, 5, time.FixedZone("CET", 3600))
	w := stamped{w: &buf, now: func() time.Time { return at }}
	fmt.Fprintln(w, "rumor:", "hub n0 -> n1: failover")
	fmt.Fprintf(w, "recv {}\nsecond\n")
	want := "2026-12-03T17:00:00.000000005Z rumor: hub n0 -> n1: failover\n" +
		"2026-12-03T17:00:00.000000005Z rumor: recv {}\n" +
		"2026-12-03T17:00:00.000000005Z rumor: second\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}
