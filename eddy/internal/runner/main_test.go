package runner

import (
	"testing"

	"go.uber.org/goleak"
)

// Runs start workers, delivery loops and nemesis goroutines; none may
// outlive a run.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
