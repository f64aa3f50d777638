package store

import "eddy/internal/history/historytest"

// builder writes hand-made histories (package historytest).
type builder = historytest.Builder

var (
	ms   = historytest.Ms
	ints = historytest.Ints
	raw  = historytest.Raw
	okOf = historytest.OkOf
)
