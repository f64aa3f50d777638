package checker

import (
	"testing"

	"eddy/internal/history"
	"eddy/internal/history/historytest"
)

// okOf builds n invocations of which ok completed :ok and the rest :fail,
// and a partition, which availability ignores.
func okOf(ok, n int) history.History {
	b := builder{H: historytest.OkOf(ok, n)}
	return b.StartPartition(0).H
}

func TestAvailability(t *testing.T) {
	tests := []struct {
		name      string
		h         history.History
		goal      string
		valid     Validity
		fraction  float32
		noInvokes bool
	}{
		{"no goal is always valid", okOf(1, 4), "", True, 0.25, false},
		{"no invocations is the integer 1", okOf(0, 0), "total", True, 1, true},
		{"total met", okOf(5, 5), "total", True, 1, false},
		{"total missed", okOf(4, 5), "total", False, 0.8, false},
		{"number met", okOf(19, 20), "0.9", True, 0.95, false},
		// 9/10 as a float is 0.89999998, below the double 0.9.
		{"exactly the goal as a float falls short", okOf(9, 10), "0.9", False, 0.9, false},
		{"half met", okOf(1, 2), "0.5", True, 0.5, false},
		{"unparsable goal is unknown", okOf(1, 1), "most", Unknown, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Check(tt.h, NetCounts{}, Options{Availability: tt.goal}).Availability
			if a.Valid != tt.valid || a.OKFraction != tt.fraction || a.NoInvokes != tt.noInvokes {
				t.Errorf("got %+v, want valid %v fraction %v noInvokes %v", a, tt.valid, tt.fraction, tt.noInvokes)
			}
			if tt.valid == Unknown && a.Error == "" {
				t.Errorf("an unknown availability should say why")
			}
		})
	}
}

func TestOptionsValidate(t *testing.T) {
	for goal, ok := range map[string]bool{
		"": true, "total": true, "0": true, "1": true, "0.99": true,
		"1.5": false, "-0.1": false, "most": false, "TOTAL": false,
	} {
		if err := (Options{Availability: goal}).Validate(); (err == nil) != ok {
			t.Errorf("Validate(%q) = %v, want ok=%v", goal, err, ok)
		}
	}
}
