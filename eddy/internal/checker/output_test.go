package checker

import "testing"

func TestVerdictLinesAndExitCodes(t *testing.T) {
	tests := []struct {
		valid      Validity
		line       string
		code       int
		codePoints []rune
	}{
		{True, "Everything looks good! ヽ(‘ー`)ノ", 0, []rune{0x30FD, 0x2018, 0x30FC, 0x30CE}},
		{False, "Analysis invalid! (ﾉಥ益ಥ）ﾉ ┻━┻", 1, []rune{0xFF89, 0x0CA5, 0x76CA, 0x0CA5, 0xFF09, 0xFF89, 0x253B, 0x2501, 0x253B}},
		{Unknown, "Errors occurred during analysis, but no anomalies found. ಠ~ಠ", 2, []rune{0x0CA0, 0x0CA0}},
	}
	for _, tt := range tests {
		r := &Results{Workload: Workload{Valid: tt.valid}}
		line, code := r.Verdict()
		if line != tt.line || code != tt.code {
			t.Errorf("Verdict for %v = %q, %d; want %q, %d", tt.valid, line, code, tt.line, tt.code)
		}
		var nonASCII []rune
		for _, c := range line {
			if c > 0x7f {
				nonASCII = append(nonASCII, c)
			}
		}
		if string(nonASCII) != string(tt.codePoints) {
			t.Errorf("code points of %q = %U, want %U", line, nonASCII, tt.codePoints)
		}
	}
}
