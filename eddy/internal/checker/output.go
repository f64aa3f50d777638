package checker

// The closing lines Jepsen logs after the results map (semantics §9.1),
// spelled with escapes so the exact code points are visible.
const (
	VerdictValid   = "Everything looks good! \u30fd(\u2018\u30fc`)\u30ce"
	VerdictInvalid = "Analysis invalid! (\uff89\u0ca5\u76ca\u0ca5\uff09\uff89 \u253b\u2501\u253b"
	VerdictUnknown = "Errors occurred during analysis, but no anomalies found. \u0ca0~\u0ca0"
)

// Verdict is the closing line Jepsen prints for the overall verdict and the
// exit status Maelstrom ends with: 0 valid, 1 invalid, 2 unknown.
func (r *Results) Verdict() (line string, exitCode int) {
	switch r.Valid() {
	case True:
		return VerdictValid, 0
	case False:
		return VerdictInvalid, 1
	}
	return VerdictUnknown, 2
}
