package actor

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package if any test leaves a goroutine behind: every
// Loop must be stopped and its goroutine gone.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
