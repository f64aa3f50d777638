package report

import (
	"strconv"
	"time"
)

func itoa(n int) string { return strconv.Itoa(n) }

func trimFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// roundedDuration renders nanoseconds to the millisecond, e.g. "3.002s".
func roundedDuration(ns int64) string {
	return time.Duration(ns).Round(time.Millisecond).String()
}
