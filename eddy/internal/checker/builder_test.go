package checker

import (
	"eddy/internal/history/historytest"
)

// builder writes hand-made histories (package historytest).
type builder = historytest.Builder

var (
	ms   = historytest.Ms
	ints = historytest.Ints
	raw  = historytest.Raw
)

// element finds one element's result.
func element(w Workload, e int64) (ElementResult, bool) {
	for _, r := range w.Elements {
		if r.Element == e {
			return r, true
		}
	}
	return ElementResult{}, false
}
