package edn

import (
	"math"
	"testing"
)

func TestFormatFloat32FollowsJavaFloatToString(t *testing.T) {
	tests := []struct {
		in   float32
		want string
	}{
		{5.441, "5.441"},
		{0, "0.0"},
		{float32(math.Copysign(0, -1)), "-0.0"},
		{2.0207255, "2.0207255"},
		{390.0 / 193.0, "2.0207255"},
		{4, "4.0"},
		{100, "100.0"},
		{0.1, "0.1"},
		{1.0 / 3.0, "0.33333334"},
		{-1.5, "-1.5"},
		// Plain notation covers [10^-3, 10^7).
		{0.001, "0.001"},
		{0.00123, "0.00123"},
		{9999999, "9999999.0"},
		{1234567.5, "1234567.5"},
		// Outside it, computerized scientific notation with a fraction.
		{1e-4, "1.0E-4"},
		{0.000999, "9.99E-4"},
		{1e7, "1.0E7"},
		{12345678, "1.2345678E7"},
		{1e10, "1.0E10"},
		{math.MaxFloat32, "3.4028235E38"},
		// One digit would round-trip, but Java prefers the closer of the
		// one- and two-digit decimals.
		{math.SmallestNonzeroFloat32, "1.4E-45"},
		{float32(math.NaN()), "NaN"},
		{float32(math.Inf(1)), "Infinity"},
		{float32(math.Inf(-1)), "-Infinity"},
	}
	for _, tt := range tests {
		if got := FormatFloat32(tt.in); got != tt.want {
			t.Errorf("FormatFloat32(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFormatFloat64FollowsJavaDoubleToString(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{1, "1.0"},
		{0.5, "0.5"},
		{0.95, "0.95"},
		{0.002, "0.002"},
		{math.Pi, "3.141592653589793"},
		{1234567, "1234567.0"},
		{1e7, "1.0E7"},
		{1e-7, "1.0E-7"},
		{1e21, "1.0E21"},
		{2e23, "2.0E23"},
		{math.SmallestNonzeroFloat64, "4.9E-324"},
		{math.MaxFloat64, "1.7976931348623157E308"},
	}
	for _, tt := range tests {
		if got := FormatFloat64(tt.in); got != tt.want {
			t.Errorf("FormatFloat64(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
