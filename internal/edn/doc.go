// Package edn prints values the way Clojure's pr-str does, for eddy's
// console lines, history files and error texts.
//
// The contract: output is valid EDN in Jepsen's spelling — vectors with
// single spaces ([0 9 10]), maps with ", " between entries, keywords for map
// keys only at the levels Maelstrom keywordizes, nil for JSON null. It is
// pure: no I/O, no goroutines.
package edn
