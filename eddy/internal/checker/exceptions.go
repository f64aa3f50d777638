package checker

import (
	"regexp"
	"sort"

	"eddy/internal/history"
)

// javaClassName matches a fully qualified Java class name.
var javaClassName = regexp.MustCompile(`^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+$`)

// exceptionClass is the class Jepsen would report for an exception eddy
// recorded. Maelstrom's client errors (a malformed reply, say) are thrown by
// slingshot as clojure.lang.ExceptionInfo, so that is the class unless the
// op's Exception names a Java class itself (e.g. "java.lang.AssertionError"),
// in which case that class is its group.
func exceptionClass(op history.Op) string {
	if javaClassName.MatchString(op.Exception) {
		return op.Exception
	}
	return "clojure.lang.ExceptionInfo"
}

// checkExceptions is Jepsen's unhandled-exceptions checker: :info ops that
// carry an exception, grouped by class, most frequent first.
func checkExceptions(h history.History) Exceptions {
	var groups []ExceptionGroup
	index := map[string]int{}
	for _, op := range h {
		if op.Type != history.Info || op.Exception == "" {
			continue
		}
		class := exceptionClass(op)
		i, seen := index[class]
		if !seen {
			i = len(groups)
			index[class] = i
			groups = append(groups, ExceptionGroup{Class: class, Example: op})
		}
		groups[i].Count++
	}
	// Jepsen sorts ascending by count and reverses, so equal counts end up in
	// reverse order of first appearance.
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].Count < groups[j].Count })
	for i, j := 0, len(groups)-1; i < j; i, j = i+1, j-1 {
		groups[i], groups[j] = groups[j], groups[i]
	}
	return Exceptions{Valid: True, Groups: groups}
}
