package checker

import "testing"

func TestMergeFollowsJepsenPriorities(t *testing.T) {
	tests := []struct {
		in   []Validity
		want Validity
	}{
		{nil, True},
		{[]Validity{True, True}, True},
		{[]Validity{True, Unknown, True}, Unknown},
		{[]Validity{Unknown, False}, False},
		{[]Validity{False, Unknown, True}, False},
	}
	for _, tt := range tests {
		if got := Merge(tt.in...); got != tt.want {
			t.Errorf("Merge(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestValidityPrintsAsClojure(t *testing.T) {
	for v, want := range map[Validity]string{True: "true", False: "false", Unknown: ":unknown"} {
		if got := v.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", v, got, want)
		}
	}
}

func TestValidityAnswersYesOrNo(t *testing.T) {
	for v, want := range map[Validity]string{True: "yes", False: "NO", Unknown: "unknown"} {
		if got := v.YesNo(); got != want {
			t.Errorf("%v.YesNo() = %q, want %q", v, got, want)
		}
	}
}

func TestOverallVerdictMergesEverySubResult(t *testing.T) {
	r := Check(nil, NetCounts{}, Options{})
	if r.Valid() != Unknown {
		t.Errorf("empty run = %v, want :unknown (nothing stable)", r.Valid())
	}
	r.Workload.Valid = True
	if r.Valid() != True {
		t.Errorf("all true = %v", r.Valid())
	}
	r.Availability.Valid = False
	if r.Valid() != False {
		t.Errorf("with false availability = %v", r.Valid())
	}
}
