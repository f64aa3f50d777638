package checker

import (
	"io"

	"eddy/internal/edn"
)

// The closing lines Jepsen logs after the results map (semantics §9.1),
// spelled with escapes so the exact code points are visible.
const (
	VerdictValid   = "Everything looks good! \u30fd(\u2018\u30fc`)\u30ce"
	VerdictInvalid = "Analysis invalid! (\uff89\u0ca5\u76ca\u0ca5\uff09\uff89 \u253b\u2501\u253b"
	VerdictUnknown = "Errors occurred during analysis, but no anomalies found. \u0ca0~\u0ca0"
)

// EDN is the results map pretty-printed as Jepsen prints it (and stores it
// in results.edn): fipp's layout at width 70, Maelstrom's key orders, Java
// number spellings. It ends with a newline.
func (r *Results) EDN() string {
	return edn.Pretty(r.ednValue(), edn.DefaultWidth) + "\n"
}

// MarshalJSON renders every figure of the results as JSON, keyed by the same
// names as the EDN map without the colon (":msgs-per-op" is "msgs-per-op",
// ":valid?" is "valid?"). Verdicts are true, false or "unknown"; ops are
// objects with index, time, type, process, f, value and any extra keys.
func (r *Results) MarshalJSON() ([]byte, error) {
	return edn.MarshalJSON(r.ednValue())
}

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

// WriteReport writes what Maelstrom prints at the end of a run: the results
// map, two empty lines, and the verdict line.
func (r *Results) WriteReport(w io.Writer) error {
	line, _ := r.Verdict()
	_, err := io.WriteString(w, r.EDN()+"\n\n"+line+"\n")
	return err
}
