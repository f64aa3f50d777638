package proc

import (
	"runtime"
	"testing"
)

// ru_maxrss of a child that Go forked counts the parent's memory at the
// fork; the peak RSS eddy reports must be the node's own.
func TestPeakRSSIsTheNodesOwnNotEddys(t *testing.T) {
	ballast := make([]byte, 256<<20)
	for i := range ballast {
		ballast[i] = 1 // touched, so resident
	}
	n := startHelper(t, "block", func([]byte) error { return nil }, nil)
	runtime.KeepAlive(ballast)
	if err := n.Stop(); err != nil {
		t.Fatal(err)
	}
	u, ok := n.Usage()
	if !ok {
		t.Fatal("no usage after Stop")
	}
	if u.PeakRSS <= 0 || u.PeakRSS >= 128<<20 {
		t.Errorf("peak RSS %d MiB for a helper that blocks on stdin; the parent's 256 MiB leaked into it", u.PeakRSS>>20)
	}
}
