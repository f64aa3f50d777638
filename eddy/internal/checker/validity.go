package checker

// Validity is a checker's verdict. Its values are ordered by Jepsen's merge
// priority, so merging is taking the maximum.
type Validity int8

// The three verdicts Jepsen knows. The zero value is True, matching Jepsen's
// merge of no verdicts at all.
const (
	True    Validity = iota // everything checked out
	Unknown                 // nothing wrong was found, but not enough was seen
	False                   // an anomaly was found
)

// String renders the verdict as Clojure prints it.
func (v Validity) String() string {
	switch v {
	case True:
		return "true"
	case False:
		return "false"
	}
	return ":unknown"
}

// Name is the verdict as a word: "valid", "invalid" or "unknown" (the
// page's and the run listing's CSS classes).
func (v Validity) Name() string {
	switch v {
	case True:
		return "valid"
	case False:
		return "invalid"
	}
	return "unknown"
}

// YesNo is the verdict as the summary and the benchmark tables answer
// "valid?": "yes", "NO" (in capitals, to stand out in a column) or
// "unknown".
func (v Validity) YesNo() string {
	switch v {
	case True:
		return "yes"
	case False:
		return "NO"
	}
	return "unknown"
}

// Merge combines verdicts as Jepsen's merge-valid does: any False wins, then
// any Unknown, otherwise True.
func Merge(vs ...Validity) Validity {
	merged := True
	for _, v := range vs {
		if v > merged {
			merged = v
		}
	}
	return merged
}

// fromBool converts a plain pass/fail into a verdict.
func fromBool(ok bool) Validity {
	if ok {
		return True
	}
	return False
}
