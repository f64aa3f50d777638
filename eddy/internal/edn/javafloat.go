package edn

import (
	"math"
	"strconv"
	"strings"
)

// FormatFloat32 renders f exactly as Java's Float.toString does (JDK 19 and
// later), which is how Clojure prints a float such as :msgs-per-op.
func FormatFloat32(f float32) string {
	return javaFloatString(float64(f), 32)
}

// FormatFloat64 renders f exactly as Java's Double.toString does (JDK 19 and
// later).
func FormatFloat64(f float64) string {
	return javaFloatString(f, 64)
}

// javaFloatString implements the Float/Double.toString specification:
//
//   - pick the shortest decimal that rounds back to x (when a one-digit
//     decimal would do, the closest of the one- and two-digit ones, which is
//     why Float.MIN_VALUE prints as 1.4E-45 rather than 1.0E-45);
//   - if that decimal lies in [10^-3, 10^7), write it in plain notation with
//     at least one digit after the point ("5.441", "100.0", "0.001");
//   - otherwise write computerized scientific notation, again with at least
//     one fractional digit and no plus sign ("1.0E-4", "1.0E7").
func javaFloatString(x float64, bitSize int) string {
	switch {
	case math.IsNaN(x):
		return "NaN"
	case math.IsInf(x, 1):
		return "Infinity"
	case math.IsInf(x, -1):
		return "-Infinity"
	case x == 0:
		if math.Signbit(x) {
			return "-0.0"
		}
		return "0.0"
	}
	sign := ""
	if x < 0 {
		sign = "-"
		x = -x
	}
	digits, exp := shortestDigits(x, bitSize)
	if exp >= -3 && exp < 7 {
		return sign + plain(digits, exp)
	}
	frac := digits[1:]
	if frac == "" {
		frac = "0"
	}
	return sign + digits[:1] + "." + frac + "E" + strconv.Itoa(exp)
}

// shortestDigits returns the significant digits (no trailing zeros) and the
// decimal exponent of the decimal Java selects for x > 0, such that
// x ≈ d.ddd × 10^exp.
func shortestDigits(x float64, bitSize int) (string, int) {
	digits, exp := splitE(strconv.FormatFloat(x, 'e', -1, bitSize))
	if len(digits) == 1 {
		// Java considers two-digit decimals too when one digit suffices and
		// keeps whichever is closest to x. The correctly rounded two-digit
		// decimal is that closest one whenever it still rounds back to x.
		two := strconv.FormatFloat(x, 'e', 1, bitSize)
		if back, err := strconv.ParseFloat(two, bitSize); err == nil && back == x {
			digits, exp = splitE(two)
		}
	}
	return digits, exp
}

// splitE takes Go's "d.ddde±XX" form apart into trimmed digits and exponent.
func splitE(s string) (string, int) {
	mant, expText, _ := strings.Cut(s, "e")
	exp, _ := strconv.Atoi(expText)
	digits := strings.Replace(mant, ".", "", 1)
	digits = strings.TrimRight(digits, "0")
	if digits == "" {
		digits = "0"
	}
	return digits, exp
}

// plain writes d.ddd × 10^exp without an exponent, always with a fraction.
func plain(digits string, exp int) string {
	if exp < 0 {
		return "0." + strings.Repeat("0", -exp-1) + digits
	}
	intLen := exp + 1
	if len(digits) <= intLen {
		return digits + strings.Repeat("0", intLen-len(digits)) + ".0"
	}
	return digits[:intLen] + "." + digits[intLen:]
}
