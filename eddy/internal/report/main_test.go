package report

import (
	"testing"

	"go.uber.org/goleak"
)

// The Handler tests start HTTP servers and the Chromium test a browser;
// none may leave a goroutine behind.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
