package checker

import (
	"testing"

	"eddy/internal/history"
)

func TestStatsCountsClientCompletionsByF(t *testing.T) {
	var b builder
	b.StartPartition(0).
		Broadcast(0, 0, 0, ms(1)).
		Invoke(1, history.FBroadcast, history.Element(1), ms(2)).
		Complete(1, history.Info, history.FBroadcast, history.Element(1), ms(5002)).
		Read(2, ints(0), ms(3), ms(4)).
		Invoke(2, history.FRead, nil, ms(5)).
		Complete(2, history.Fail, history.FRead, nil, ms(5005))
	s := Check(b.H, NetCounts{}, Options{}).Stats
	if s.Valid != True || s.OpCounts != (OpCounts{Count: 4, OKCount: 2, FailCount: 1, InfoCount: 1}) {
		t.Errorf("overall = %v %+v", s.Valid, s.OpCounts)
	}
	want := []FStats{
		{F: "broadcast", Valid: True, OpCounts: OpCounts{Count: 2, OKCount: 1, InfoCount: 1}},
		{F: "read", Valid: True, OpCounts: OpCounts{Count: 2, OKCount: 1, FailCount: 1}},
	}
	if len(s.ByF) != 2 || s.ByF[0] != want[0] || s.ByF[1] != want[1] {
		t.Errorf("by-f = %+v, want %+v", s.ByF, want)
	}
}

func TestStatsIsFalseWhenSomeFNeverSucceeded(t *testing.T) {
	tests := []struct {
		name    string
		history func(b *builder)
		want    Validity
	}{
		{"empty history", func(*builder) {}, True},
		{"every read failed", func(b *builder) {
			b.Broadcast(0, 0, 0, ms(1)).
				Invoke(1, history.FRead, nil, ms(2)).
				Complete(1, history.Fail, history.FRead, nil, ms(5002))
		}, False},
		{"every broadcast timed out", func(b *builder) {
			b.Invoke(0, history.FBroadcast, history.Element(0), 0).
				Complete(0, history.Info, history.FBroadcast, history.Element(0), ms(5000)).
				Read(1, ints(), ms(1), ms(2))
		}, False},
		{"pending invocations do not count", func(b *builder) {
			b.Broadcast(0, 0, 0, ms(1)).Invoke(1, history.FRead, nil, ms(2))
		}, True},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b builder
			tt.history(&b)
			r := Check(b.H, NetCounts{}, Options{})
			if r.Stats.Valid != tt.want {
				t.Errorf("stats valid = %v, want %v", r.Stats.Valid, tt.want)
			}
			if tt.want == False && r.Valid() != False {
				t.Errorf("overall = %v, want false", r.Valid())
			}
		})
	}
}
