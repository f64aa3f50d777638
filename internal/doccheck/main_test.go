package doccheck

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package if a demo it runs leaves a goroutine behind.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
