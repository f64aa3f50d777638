package walkthrough

import (
	"os"
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package if a test leaves a goroutine behind, and runs
// the child half of TestPanicInStepEndsTheProcess when asked to.
func TestMain(m *testing.M) {
	if childWanted() {
		PanicInStep(stdout()) // ends the process, unless the panic was recovered
		os.Exit(0)
	}
	goleak.VerifyTestMain(m)
}
