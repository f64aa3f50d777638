package lines

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package if an Ahead's goroutine outlives its test.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
