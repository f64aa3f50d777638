package netsim

import (
	"testing"

	"go.uber.org/goleak"
)

// Delivery loops run on goroutines; every test must leave none behind.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
