package checker

import (
	"math/big"
	"strconv"
)

// ratioFloat32 is Clojure's (float (/ num den)) for non-negative integers
// num and den > 0.
//
// Clojure divides two longs exactly: a whole quotient stays a long, which
// then converts to the nearest float; anything else is a Ratio, whose float
// value is taken through a double obtained by rounding the quotient to 16
// significant decimal digits (BigDecimal with MathContext.DECIMAL64,
// half-even). That double rounding can differ from float32(num/den) in the
// last bit, so it is reproduced here.
func ratioFloat32(num, den int64) float32 {
	if num%den == 0 {
		return float32(num / den)
	}
	return float32(decimal64Quotient(num, den))
}

// decimal64Quotient is num/den rounded half-even to 16 significant digits,
// then converted to the nearest double.
func decimal64Quotient(num, den int64) float64 {
	const significant = 16
	n := big.NewInt(num)
	d := big.NewInt(den)
	ten := big.NewInt(10)

	// Find scale so that 10^15 <= num·10^scale/den < 10^16.
	scale := significant - (len(n.String()) - len(d.String()))
	lower := new(big.Int).Exp(ten, big.NewInt(significant-1), nil)
	upper := new(big.Int).Mul(lower, ten)
	var q, r big.Int
	for {
		scaled := scaleBy(n, d, scale)
		q.QuoRem(scaled.num, scaled.den, &r)
		switch {
		case q.Cmp(upper) >= 0:
			scale--
			continue
		case q.Cmp(lower) < 0:
			scale++
			continue
		}
		// Round half to even on the remainder.
		twice := new(big.Int).Lsh(&r, 1)
		if c := twice.Cmp(scaled.den); c > 0 || (c == 0 && q.Bit(0) == 1) {
			q.Add(&q, big.NewInt(1))
		}
		break
	}
	f, _ := strconv.ParseFloat(q.String()+"e"+strconv.Itoa(-scale), 64)
	return f
}

type fraction struct{ num, den *big.Int }

// scaleBy returns num·10^scale / den as a fraction of integers.
func scaleBy(num, den *big.Int, scale int) fraction {
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(scale))), nil)
	if scale >= 0 {
		return fraction{new(big.Int).Mul(num, p), den}
	}
	return fraction{num, new(big.Int).Mul(den, p)}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
