package walkthrough

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package if a test leaves a goroutine behind, and runs
// the child half of TestPanicInStepEndsTheProcess when asked to.
func TestMain(m *testing.M) {
	if childWanted() {
		PanicInStep(stdout())
	}
	goleak.VerifyTestMain(m)
}
